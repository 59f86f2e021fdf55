package io.github.mcpclient.auth;

import java.util.Set;

import io.github.mcpclient.exception.McpAuthorizationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Sends the token an {@link McpTokenSource} gives and lets every refusal reach the
 * caller.
 */
final class TokenSourceAuthorization implements McpAuthorization {

	static final String KIND = "bearer-pass-through";

	private static final McpAuthorizationState STATE = new McpAuthorizationState(KIND, false, null, Set.of(), null, 0);

	private final McpTokenSource source;

	TokenSourceAuthorization(McpTokenSource source) {
		this.source = source;
	}

	@Override
	public Mono<McpCredentials> credentials(AuthorizationRequest request) {
		return this.source.token(request).filter((token) -> !token.isBlank()).map(McpCredentials::bearer);
	}

	@Override
	public Mono<McpCredentials> refused(AuthorizationRequest request, @Nullable McpCredentials sent,
			McpAuthorizationException refusal) {
		return Mono.empty();
	}

	// The tokens belong to the application, which may hold one per user: the connection
	// keeps none, so it reports none.
	@Override
	public McpAuthorizationState state() {
		return STATE;
	}

	@Override
	public String toString() {
		return "McpTokenSource.asAuthorization()";
	}

}
