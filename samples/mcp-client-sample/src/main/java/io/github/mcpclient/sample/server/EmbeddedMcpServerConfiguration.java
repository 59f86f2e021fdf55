package io.github.mcpclient.sample.server;

import java.util.Map;

import io.github.mcpclient.autoconfigure.McpClientProperties;

import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded MCP server before the MCP client reads its settings, unless
 * {@code sample.embedded-server.enabled} is {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.embedded-server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedMcpServerProperties.class)
public final class EmbeddedMcpServerConfiguration {

	static final String PORT_PROPERTY = "sample.embedded-server.port";

	@Bean
	EmbeddedMcpServer embeddedMcpServer(EmbeddedMcpServerProperties properties, ConfigurableEnvironment environment) {
		EmbeddedMcpServer server = EmbeddedMcpServer.start(properties.getPort());
		// With port 0 only the running server knows its port; publishing it under the
		// configured key, ahead of every other source, makes the client's url
		// (http://127.0.0.1:${sample.embedded-server.port}/mcp) resolve to it
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedMcpServer", Map.of(PORT_PROPERTY, server.port())));
		return server;
	}

	/**
	 * The MCP client takes its URL from {@code mcp.client.*} when those properties are
	 * bound, so that binding has to wait until the server runs and its port is known; the
	 * dependency also stops the server only after the clients have ended their sessions.
	 * @return the post-processor that adds the dependency
	 */
	@Bean
	static AbstractDependsOnBeanFactoryPostProcessor mcpClientPropertiesDependsOnEmbeddedMcpServer() {
		return new McpClientPropertiesDependsOnEmbeddedMcpServer();
	}

	private static final class McpClientPropertiesDependsOnEmbeddedMcpServer
			extends AbstractDependsOnBeanFactoryPostProcessor {

		McpClientPropertiesDependsOnEmbeddedMcpServer() {
			super(McpClientProperties.class, EmbeddedMcpServer.class);
		}

	}

}
