package io.github.mcpclient.autoconfigure;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Names the signed-in user of a reactive web request in the Reactor context of what
 * handles it, so that the MCP calls of the reactive API that the handler returns (or
 * subscribes to within the request) are made for that user. Runs after Spring Security's
 * filter chain, which has put the security context there.
 * <p>
 * On the way back it hands Spring Security's redirect filter what it looks for: a call
 * for a user who has not authorized the connection yet fails with an MCP exception whose
 * cause is a {@link ClientAuthorizationRequiredException}, and the reactive filter
 * catches that exception only as the error itself, unlike the servlet one that searches
 * the cause chain.
 */
final class McpReactiveUserFilter implements WebFilter, Ordered {

	// Spring Security's WebFilterChainProxy is at -100.
	static final int ORDER = 0;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(McpSecurityContextPropagation::isSignedIn)
			.map(Authentication::getName)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((user) -> chain.filter(exchange)
				.contextWrite((context) -> user.map((name) -> McpSecurityContextPropagation.withUser(context, name))
					.orElse(context)))
			.onErrorMap((ex) -> authorizationRequired(ex) != null, (ex) -> {
				ClientAuthorizationRequiredException required = authorizationRequired(ex);
				return (required != null) ? required : ex;
			});
	}

	private static @Nullable ClientAuthorizationRequiredException authorizationRequired(Throwable error) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ClientAuthorizationRequiredException required) {
				return required;
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
