package io.github.mcpclient.sample.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the MCP server the sample starts for its client to talk
 * to.
 */
@ConfigurationProperties("sample.embedded-server")
public class EmbeddedMcpServerProperties {

	/**
	 * Whether to start an MCP server inside the application. Turn it off when
	 * mcp.client.connections.demo.url points at another server.
	 */
	private boolean enabled = true;

	/**
	 * Port the MCP server listens on, on the loopback interface only. Use 0 for a free
	 * port; the port taken is then published as this property, so placeholders that refer
	 * to it resolve to the real port.
	 */
	private int port = 3001;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

}
