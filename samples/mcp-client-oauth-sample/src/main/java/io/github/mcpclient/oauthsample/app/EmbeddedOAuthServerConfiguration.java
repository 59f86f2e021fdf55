package io.github.mcpclient.oauthsample.app;

import java.util.Map;

import io.github.mcpclient.autoconfigure.McpClientProperties;
import io.github.mcpclient.oauthsample.server.EmbeddedOAuthServer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded authorization server and protected MCP server before the MCP client
 * reads its settings, unless {@code sample.oauth-server.enabled} is {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.oauth-server.enabled", matchIfMissing = true)
class EmbeddedOAuthServerConfiguration {

	static final String PORT_PROPERTY = "sample.oauth-server.port";

	@Bean(destroyMethod = "close")
	EmbeddedOAuthServer embeddedOAuthServer(@Value("${" + PORT_PROPERTY + ":3003}") int port,
			@Value("${sample.oauth-server.client-secret}") String clientSecret, ConfigurableEnvironment environment) {
		EmbeddedOAuthServer server = EmbeddedOAuthServer.start(port, clientSecret);
		// With port 0 only the running server knows its port: publish it, so that the
		// connection's url placeholder resolves to it.
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedOAuthServer", Map.of(PORT_PROPERTY, server.port())));
		return server;
	}

	@Bean
	static AbstractDependsOnBeanFactoryPostProcessor mcpClientPropertiesDependOnEmbeddedOAuthServer() {
		return new AbstractDependsOnBeanFactoryPostProcessor(McpClientProperties.class, EmbeddedOAuthServer.class) {
		};
	}

}
