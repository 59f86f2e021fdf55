package io.github.mcpclient.autoconfigure;

import io.github.mcpclient.actuate.McpConnectionHealthIndicator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the {@link McpConnectionHealthIndicator MCP health
 * indicators}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.mcp")
public class McpHealthIndicatorProperties {

	/**
	 * Whether to ping each MCP server when health is checked, connecting first if needed.
	 * When off, health is read from each connection's session state without any network
	 * I/O.
	 */
	private boolean ping;

	public boolean isPing() {
		return this.ping;
	}

	public void setPing(boolean ping) {
		this.ping = ping;
	}

}
