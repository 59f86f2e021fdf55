package io.github.mcpclient.exception;

import java.util.List;

import io.github.mcpclient.protocol.JsonRpcError;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server refused a request for lack of valid credentials (401) or of
 * permission (403), with the challenges of its {@code WWW-Authenticate} header: what to
 * authenticate with, the OAuth error, the scope it requires and where its protected
 * resource metadata is.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">Authorization</a>
 * @since 0.1.0
 */
public class McpAuthorizationException extends McpTransportException {

	private final List<AuthenticationChallenge> challenges;

	public McpAuthorizationException(String connectionName, String method, int status, String detail,
			@Nullable String bodyExcerpt, @Nullable JsonRpcError rpcError, List<AuthenticationChallenge> challenges) {
		this(connectionName, method, status, detail, bodyExcerpt, rpcError, challenges, null);
	}

	/**
	 * Create an exception with the failure that caused it.
	 * @param connectionName the connection's name
	 * @param method the MCP method of the refused request
	 * @param status the HTTP status of the refusal
	 * @param detail what went wrong, without credentials
	 * @param bodyExcerpt the start of the refusal's body, or {@code null}
	 * @param rpcError the JSON-RPC error the body carried, or {@code null}
	 * @param challenges the server's {@code WWW-Authenticate} challenges
	 * @param cause the failure behind this one, or {@code null}
	 * @since 0.2.0
	 */
	protected McpAuthorizationException(String connectionName, String method, int status, String detail,
			@Nullable String bodyExcerpt, @Nullable JsonRpcError rpcError, List<AuthenticationChallenge> challenges,
			@Nullable Throwable cause) {
		super(connectionName, method, status, detail, bodyExcerpt, rpcError, cause);
		this.challenges = List.copyOf(challenges);
	}

	/**
	 * Every challenge the server sent, in its order.
	 * @return the challenges, empty if the server sent no {@code WWW-Authenticate}
	 */
	public List<AuthenticationChallenge> getChallenges() {
		return this.challenges;
	}

	/**
	 * The challenge that matters to an MCP client: the first {@code Bearer} one, or else
	 * the first of any scheme.
	 * @return the challenge, or {@code null} if the server sent none
	 */
	public @Nullable AuthenticationChallenge getChallenge() {
		return this.challenges.stream()
			.filter((challenge) -> challenge.isScheme("Bearer"))
			.findFirst()
			.orElse(this.challenges.isEmpty() ? null : this.challenges.get(0));
	}

	/**
	 * Whether the server wants a token with more scope: a 403 whose challenge says
	 * {@code insufficient_scope}.
	 * @return {@code true} if so; {@link AuthenticationChallenge#scopes()} names the
	 * scope
	 */
	public boolean isInsufficientScope() {
		AuthenticationChallenge challenge = getChallenge();
		return getStatus() == 403 && challenge != null && "insufficient_scope".equals(challenge.error());
	}

}
