package io.github.mcpclient.conformance;

import java.net.URI;

import io.github.mcpclient.auth.AuthorizationCallback;
import io.github.mcpclient.auth.AuthorizationCodeUserAgent;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A user who approves at once: requests the authorization URL without following its
 * redirect, and reads the callback's parameters from the {@code Location} the
 * authorization server answers with. The conformance suite's authorization servers
 * approve every request this way.
 */
final class HeadlessUserAgent implements AuthorizationCodeUserAgent {

	static final URI REDIRECT_URI = URI.create("http://localhost:3000/callback");

	private final WebClient webClient;

	HeadlessUserAgent(WebClient webClient) {
		this.webClient = webClient;
	}

	@Override
	public URI redirectUri() {
		return REDIRECT_URI;
	}

	@Override
	public Mono<AuthorizationCallback> authorize(URI authorizationUrl) {
		return this.webClient.get().uri(authorizationUrl).exchangeToMono((response) -> {
			String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
			if (!response.statusCode().is3xxRedirection() || location == null) {
				return response.releaseBody()
					.then(Mono.error(new IllegalStateException("The authorization endpoint answered "
							+ response.statusCode().value() + " instead of a redirect")));
			}
			return response.releaseBody().thenReturn(AuthorizationCallback.fromRedirect(URI.create(location)));
		});
	}

}
