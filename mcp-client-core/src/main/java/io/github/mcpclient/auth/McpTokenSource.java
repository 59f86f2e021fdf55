package io.github.mcpclient.auth;

import reactor.core.publisher.Mono;

/**
 * Where an application that already holds an access token for an MCP server gives it to
 * the connection, such as the token of the signed-in user that a gateway passed on. The
 * client sends the token as it is: it runs no discovery and obtains no token of its own.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface McpTokenSource {

	/**
	 * The access token to send with a request.
	 * @param request the request about to be sent; its
	 * {@link AuthorizationRequest#context() context} tells whose call it is
	 * @return the token, or empty to send the request without one
	 */
	Mono<String> token(AuthorizationRequest request);

	/**
	 * An authorization that sends this source's token and gives up when the server
	 * refuses it: the refusal reaches the caller, since only the application can get a
	 * better token.
	 * @return the authorization
	 */
	default McpAuthorization asAuthorization() {
		return new TokenSourceAuthorization(this);
	}

}
