package io.github.mcpclient.autoconfigure.observation;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the MCP client's metrics: the histogram buckets the OpenTelemetry
 * MCP conventions recommend for its timers. The timers themselves come from the client's
 * observations through Boot's meter observation handler.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(MeterFilter.class)
@ConditionalOnBooleanProperty(name = "mcp.client.enabled", matchIfMissing = true)
public final class McpClientObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "mcpClientDurationBuckets")
	McpClientDurationBuckets mcpClientDurationBuckets() {
		return new McpClientDurationBuckets();
	}

}
