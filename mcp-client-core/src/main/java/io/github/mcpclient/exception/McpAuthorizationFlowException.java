package io.github.mcpclient.exception;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the client could not obtain credentials the server asked for: the OAuth
 * flow that answers a 401 or a 403 {@code insufficient_scope} stopped, for instance
 * because the protected resource metadata names another resource, the authorization
 * server's metadata is for another issuer, or the authorization server refused. The
 * message says which step failed and never carries a token, a code or a secret.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">Authorization</a>
 * @since 0.2.0
 */
public class McpAuthorizationFlowException extends McpAuthorizationException {

	/**
	 * Create an exception.
	 * @param connectionName the connection's name
	 * @param method the MCP method whose refusal started the flow
	 * @param status the HTTP status of that refusal
	 * @param detail which step failed and why, without credentials
	 * @param challenges the challenges of that refusal
	 * @param cause the failure behind this one, or {@code null}
	 */
	public McpAuthorizationFlowException(String connectionName, String method, int status, String detail,
			List<AuthenticationChallenge> challenges, @Nullable Throwable cause) {
		super(connectionName, method, status, detail, null, null, challenges, cause);
	}

}
