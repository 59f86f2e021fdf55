package io.github.mcpclient.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.actuate.McpConnectionHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code mcp} health contributor: one
 * {@link McpConnectionHealthIndicator} per connection, when Spring Boot's health support
 * is present.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = McpClientAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnEnabledHealthIndicator.class)
@ConditionalOnBean(McpClients.class)
@ConditionalOnEnabledHealthIndicator("mcp")
@EnableConfigurationProperties(McpHealthIndicatorProperties.class)
public final class McpHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "mcpHealthIndicator", "mcpHealthContributor" })
	HealthContributor mcpHealthContributor(McpClients clients, McpHealthIndicatorProperties properties) {
		Map<String, McpClient> byName = new LinkedHashMap<>();
		clients.forEach((client) -> byName.put(client.name(), client));
		return CompositeHealthContributor.fromMap(byName,
				(client) -> new McpConnectionHealthIndicator(client, properties.isPing()));
	}

}
