package io.github.mcpclient.autoconfigure;

import java.net.URI;

import io.github.mcpclient.auth.McpAuthorization;

/**
 * Builds the authorization of a connection with the authorization-code grant. Only
 * defined in a servlet or reactive web application with Spring Security's OAuth client,
 * whose redirect and callback filters take the user to the authorization server and back.
 */
@FunctionalInterface
interface McpAuthorizationCodeFactory {

	/**
	 * The authorization of one connection.
	 * @param settings the connection's validated authorization settings
	 * @param serverUrl the connection's MCP server URL
	 * @return the authorization
	 */
	McpAuthorization create(McpAuthorizationSettings settings, URI serverUrl);

}
