package io.github.mcpclient.auth;

import io.github.mcpclient.exception.McpAuthorizationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.http.HttpHeaders;

/**
 * How one connection authorizes its requests. The connection asks for credentials before
 * every HTTP request it makes (the POST of a call, the listening GET stream, the DELETE
 * that ends a session, era discovery) and tells of every refusal: a 401, or a 403 whose
 * challenge asks for more scope. After a refusal the request is sent once more with the
 * new credentials, if there are any; a second refusal reaches the caller as an
 * {@link McpAuthorizationException}.
 * <p>
 * Implementations are shared by every request of the connection and must be thread-safe.
 * Whose credentials a request needs, when they differ per user, is read from
 * {@link AuthorizationRequest#context()}.
 *
 * @since 0.2.0
 */
public interface McpAuthorization {

	/**
	 * The credentials to send with a request.
	 * @param request the request about to be sent
	 * @return the credentials, or empty to send the request without any
	 */
	Mono<McpCredentials> credentials(AuthorizationRequest request);

	/**
	 * The server refused a request. Obtain credentials that should be accepted, such as a
	 * new token after a 401 or a token with more scope after a 403
	 * {@code insufficient_scope}; forget credentials the server no longer accepts.
	 * @param request the refused request
	 * @param sent the credentials it carried, or {@code null} if it carried none
	 * @param refusal the refusal, with the server's parsed {@code WWW-Authenticate}
	 * challenges
	 * @return the credentials to send the request again with, or empty to give up, in
	 * which case the caller sees the refusal; an error to fail the request with a clearer
	 * reason
	 */
	Mono<McpCredentials> refused(AuthorizationRequest request, @Nullable McpCredentials sent,
			McpAuthorizationException refusal);

	/**
	 * Whose call this is, when credentials differ per user. A connection whose
	 * authorization {@linkplain #isPerPrincipal() is per principal} keeps one session per
	 * principal, so that a session established with one user's token never carries
	 * another user's call.
	 * @param context the call's Reactor context
	 * @return the principal's name, or empty if the call has none
	 */
	default Mono<String> principal(ContextView context) {
		return Mono.empty();
	}

	/**
	 * Whether credentials differ per user: then every call must have a
	 * {@linkplain #principal(ContextView) principal}, and each principal gets its own
	 * session.
	 * @return {@code false} by default: every call shares the connection's credentials
	 */
	default boolean isPerPrincipal() {
		return false;
	}

	/**
	 * A response came to a request, before any refusal of it is told to {@link #refused}:
	 * a chance to keep what the server hands out with its responses, such as a DPoP
	 * nonce. Does nothing by default.
	 * @param request the request
	 * @param responseHeaders the headers of the response
	 * @since 0.2.0
	 */
	default void responded(AuthorizationRequest request, HttpHeaders responseHeaders) {
	}

	/**
	 * What this authorization holds now, for the Actuator endpoint and for logs. Never
	 * carries a credential.
	 * @return the state
	 */
	default McpAuthorizationState state() {
		return McpAuthorizationState.NONE;
	}

	/**
	 * No authorization: requests carry only the connection's static headers.
	 * @return the authorization that never sends credentials
	 */
	static McpAuthorization none() {
		return NoAuthorization.INSTANCE;
	}

}
