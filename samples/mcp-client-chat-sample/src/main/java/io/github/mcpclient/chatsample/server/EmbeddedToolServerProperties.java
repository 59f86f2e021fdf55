package io.github.mcpclient.chatsample.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the MCP server the sample starts for its model to use.
 */
@ConfigurationProperties("sample.embedded-server")
public class EmbeddedToolServerProperties {

	/**
	 * Whether to start an MCP server inside the application. Turn it off when
	 * mcp.client.connections.demo.url points at another server.
	 */
	private boolean enabled = true;

	/**
	 * Port the MCP server listens on, on the loopback interface only. 0 picks a free port
	 * and publishes it as this property, so that placeholders resolve to it.
	 */
	private int port = 3002;

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
