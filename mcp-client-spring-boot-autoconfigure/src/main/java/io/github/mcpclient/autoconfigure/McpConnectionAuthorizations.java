package io.github.mcpclient.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.auth.McpAuthorizationState;

/**
 * The {@link McpAuthorization} of every MCP connection, by connection name, as the
 * auto-configuration built them from {@code mcp.client.connections.<name>.authorization}.
 *
 * @since 0.2.0
 */
public final class McpConnectionAuthorizations {

	private final Map<String, McpAuthorization> authorizations;

	/**
	 * Create an instance over the given authorizations.
	 * @param authorizations the authorizations by connection name
	 */
	public McpConnectionAuthorizations(Map<String, McpAuthorization> authorizations) {
		this.authorizations = Collections.unmodifiableMap(new LinkedHashMap<>(authorizations));
	}

	/**
	 * The authorization of a connection.
	 * @param connectionName the connection's name
	 * @return its authorization, {@link McpAuthorization#none()} if it has none
	 */
	public McpAuthorization get(String connectionName) {
		return this.authorizations.getOrDefault(connectionName, McpAuthorization.none());
	}

	/**
	 * What a connection's authorization holds now; never a credential.
	 * @param connectionName the connection's name
	 * @return the state
	 */
	public McpAuthorizationState state(String connectionName) {
		return get(connectionName).state();
	}

}
