package io.github.mcpclient.autoconfigure;

import io.github.mcpclient.McpClients;
import io.github.mcpclient.actuate.McpEndpoint;
import io.github.mcpclient.actuate.McpEndpointWebExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link McpEndpoint}, when Actuator is present and the
 * endpoint is exposed.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = McpClientAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(McpEndpoint.class)
@EnableConfigurationProperties(McpEndpointProperties.class)
public final class McpEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(McpClients.class)
	@ConditionalOnMissingBean
	McpEndpoint mcpEndpoint(McpClients clients, McpEndpointProperties properties,
			ObjectProvider<McpConnectionAuthorizations> authorizations) {
		McpConnectionAuthorizations connectionAuthorizations = authorizations.getIfAvailable();
		if (connectionAuthorizations == null) {
			return new McpEndpoint(clients, properties.getShowValues(), properties.getRoles());
		}
		return new McpEndpoint(clients, properties.getShowValues(), properties.getRoles(),
				connectionAuthorizations::state);
	}

	@Bean
	@ConditionalOnBean(McpEndpoint.class)
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	McpEndpointWebExtension mcpEndpointWebExtension(McpEndpoint endpoint) {
		return new McpEndpointWebExtension(endpoint);
	}

}
