package io.github.mcpclient.auth;

/**
 * How an {@link OAuthAuthorization} obtains tokens.
 *
 * @since 0.2.0
 */
public enum OAuthGrant {

	/**
	 * A user authorizes the client in a browser (authorization code with PKCE), for
	 * applications acting on behalf of their users.
	 */
	AUTHORIZATION_CODE,

	/**
	 * The client authenticates as itself (client credentials), for services talking to a
	 * server without a user, as the MCP client-credentials extension describes.
	 */
	CLIENT_CREDENTIALS

}
