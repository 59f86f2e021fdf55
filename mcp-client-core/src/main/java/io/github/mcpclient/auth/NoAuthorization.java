package io.github.mcpclient.auth;

import io.github.mcpclient.exception.McpAuthorizationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Sends no credentials and lets every refusal reach the caller.
 */
enum NoAuthorization implements McpAuthorization {

	INSTANCE;

	@Override
	public Mono<McpCredentials> credentials(AuthorizationRequest request) {
		return Mono.empty();
	}

	@Override
	public Mono<McpCredentials> refused(AuthorizationRequest request, @Nullable McpCredentials sent,
			McpAuthorizationException refusal) {
		return Mono.empty();
	}

	@Override
	public String toString() {
		return "McpAuthorization.none()";
	}

}
