package io.github.mcpclient.autoconfigure;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Carries the signed-in user of a servlet request into the Reactor context of the
 * blocking MCP calls it makes: as Spring Security's reactive security context, and as the
 * principal's name the per-user authorization reads. In a reactive web application
 * {@link McpReactiveUserFilter} names the user in the request's context instead.
 */
final class McpSecurityContextPropagation {

	private static final String PRINCIPAL = McpSecurityContextPropagation.class.getName() + ".principal";

	private McpSecurityContextPropagation() {
	}

	/**
	 * The context of a blocking call made on this thread.
	 * @param context the call's context so far
	 * @return the context with the thread's authenticated user, if any
	 */
	static Context withCurrentUser(Context context) {
		SecurityContext securityContext = SecurityContextHolder.getContext();
		Authentication authentication = securityContext.getAuthentication();
		if (authentication == null || !isSignedIn(authentication)) {
			return context;
		}
		return withUser(context, authentication.getName())
			.putAll(ReactiveSecurityContextHolder.withSecurityContext(Mono.just(securityContext)).readOnly());
	}

	/**
	 * The context of calls made for a user.
	 * @param context the calls' context so far
	 * @param name the user's name
	 * @return the context naming the user
	 */
	static Context withUser(Context context, String name) {
		return context.put(PRINCIPAL, name);
	}

	/**
	 * Whether an authentication is of a signed-in user, not of an anonymous one.
	 * @param authentication the authentication, if any
	 * @return {@code true} for a signed-in user
	 */
	static boolean isSignedIn(@Nullable Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/**
	 * The user a call is made for.
	 * @param context the call's context
	 * @return the user's name, or {@code null} when no user is signed in
	 */
	static @Nullable String principal(ContextView context) {
		return context.getOrDefault(PRINCIPAL, null);
	}

}
