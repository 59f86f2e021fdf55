package io.github.mcpclient.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether a web application serves the Client ID Metadata Documents of its
 * authorization-code connections.
 *
 * @since 0.2.0
 */
@ConfigurationProperties("mcp.client.client-metadata")
public class McpClientMetadataProperties {

	/**
	 * Whether to serve, for each connection with the authorization-code grant and a
	 * client-metadata-url, a Client ID Metadata Document at that URL's path, generated
	 * from the connection's settings.
	 */
	private boolean enabled;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
