package io.github.mcpclient.autoconfigure;

import java.net.URI;

import io.github.mcpclient.auth.AuthorizationCallback;
import io.github.mcpclient.auth.AuthorizationCodeUserAgent;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The user agent of a servlet web application: Spring Security takes the user to the
 * authorization server and back, so the call for a user who has not authorized yet fails
 * with {@link ClientAuthorizationRequiredException}, which Spring Security's
 * {@code OAuth2AuthorizationRequestRedirectFilter} finds in the cause chain and turns
 * into the redirect. Its callback filter stores the token the next call uses.
 */
final class AuthorizationRequiredUserAgent implements AuthorizationCodeUserAgent {

	private final URI redirectUri;

	AuthorizationRequiredUserAgent(URI redirectUri) {
		this.redirectUri = redirectUri;
	}

	@Override
	public URI redirectUri() {
		return this.redirectUri;
	}

	@Override
	public Mono<AuthorizationCallback> authorize(URI authorizationUrl) {
		return Mono
			.error(new IllegalStateException("The web application's user must be redirected by Spring Security"));
	}

	@Override
	public Mono<AuthorizationCallback> authorize(URI authorizationUrl, ClientRegistration registration) {
		return Mono.error(new ClientAuthorizationRequiredException(registration.getRegistrationId()));
	}

}
