package io.github.mcpclient.chatsample.server;

import java.util.Map;

import io.github.mcpclient.autoconfigure.McpClientProperties;

import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded MCP server before the MCP client reads its URL, unless
 * {@code sample.embedded-server.enabled} is {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.embedded-server.enabled", matchIfMissing = true)
public class EmbeddedToolServerConfiguration {

	@Bean
	EmbeddedToolServer embeddedToolServer(EmbeddedToolServerProperties properties,
			ConfigurableEnvironment environment) {
		EmbeddedToolServer server = EmbeddedToolServer.start(properties.getPort());
		// With port 0 only the running server knows its port: publishing it under the
		// configured key makes the connection's URL placeholder resolve to it
		environment.getPropertySources()
			.addFirst(
					new MapPropertySource("embeddedToolServer", Map.of("sample.embedded-server.port", server.port())));
		return server;
	}

	/**
	 * The client binds its URL when its properties are created, so they wait for the
	 * server; it also makes the server stop only after the client ended its session.
	 * @return the post-processor that adds the dependency
	 */
	@Bean
	static AbstractDependsOnBeanFactoryPostProcessor mcpClientPropertiesAfterEmbeddedToolServer() {
		return new ClientPropertiesAfterServer();
	}

	private static final class ClientPropertiesAfterServer extends AbstractDependsOnBeanFactoryPostProcessor {

		ClientPropertiesAfterServer() {
			super(McpClientProperties.class, EmbeddedToolServer.class);
		}

	}

}
