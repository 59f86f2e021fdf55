package io.github.mcpclient.autoconfigure;

import java.net.URI;

import io.github.mcpclient.auth.McpAuthorization;

/**
 * Builds the OAuth authorization of a connection whose grant needs an authorization
 * server. Only defined when Spring Security's OAuth client is on the classpath, so that
 * the rest of the auto-configuration never loads its classes.
 */
@FunctionalInterface
interface McpOAuthAuthorizationFactory {

	/**
	 * The authorization of one connection.
	 * @param settings the connection's validated authorization settings
	 * @param serverUrl the connection's MCP server URL
	 * @return the authorization
	 */
	McpAuthorization create(McpAuthorizationSettings settings, URI serverUrl);

}
