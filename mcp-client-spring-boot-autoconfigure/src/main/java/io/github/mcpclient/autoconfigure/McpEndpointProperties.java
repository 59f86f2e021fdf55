package io.github.mcpclient.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.mcpclient.actuate.McpEndpoint;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the {@link McpEndpoint}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.endpoint.mcp")
public class McpEndpointProperties {

	/**
	 * When to show session ids in full. Otherwise they are masked and accompanied by a
	 * fingerprint.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles used to determine whether a user is authorized to be shown session ids in
	 * full. When empty, all authenticated users are authorized.
	 */
	private final Set<String> roles = new LinkedHashSet<>();

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

}
