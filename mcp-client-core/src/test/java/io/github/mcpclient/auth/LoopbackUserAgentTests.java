package io.github.mcpclient.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The loopback user agent listens on this machine only, hands the browser the
 * authorization URL, and returns the callback that carries the request's state.
 */
class LoopbackUserAgentTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void returnsTheCallbackOfTheRequestsState() throws Exception {
		CompletableFuture<Integer> strangerStatus = new CompletableFuture<>();
		try (LoopbackUserAgent userAgent = LoopbackUserAgent.start((url) -> {
			// The authorization server's redirect, after a stranger's guess at the state.
			URI redirect = URI.create(url.toString().replaceFirst(".*redirect_uri=([^&]+).*", "$1"));
			strangerStatus.complete(get(URI.create(redirect + "?code=forged&state=guess")));
			get(URI.create(redirect + "?code=the-code&state=s-123&iss=https%3A%2F%2Fas.example.com"));
		}, Duration.ofSeconds(10))) {
			assertThat(userAgent.redirectUri().getHost()).isEqualTo("127.0.0.1");
			URI authorizationUrl = URI.create("https://as.example.com/authorize?response_type=code&state=s-123"
					+ "&redirect_uri=" + userAgent.redirectUri());

			AuthorizationCallback callback = userAgent.authorize(authorizationUrl).block(Duration.ofSeconds(10));

			assertThat(callback.code()).isEqualTo("the-code");
			assertThat(callback.state()).isEqualTo("s-123");
			assertThat(callback.issuer()).isEqualTo("https://as.example.com");
			assertThat(callback.toString()).doesNotContain("the-code");
			assertThat(strangerStatus.get()).isEqualTo(400);
		}
	}

	@Test
	void listensOnThePathOfARegisteredRedirectUri() throws Exception {
		try (LoopbackUserAgent userAgent = LoopbackUserAgent.start(URI.create("http://127.0.0.1/login/oauth2/code/cli"),
				(url) -> get(URI
					.create(url.toString().replaceFirst(".*redirect_uri=([^&]+).*", "$1") + "?code=c&state=s-9")),
				Duration.ofSeconds(10))) {
			assertThat(userAgent.redirectUri().getPath()).isEqualTo("/login/oauth2/code/cli");
			assertThat(userAgent.redirectUri().getPort()).isPositive();
			// Nothing answers on the default path.
			assertThat(get(userAgent.redirectUri().resolve("/callback?code=c&state=s-9"))).isEqualTo(404);

			AuthorizationCallback callback = userAgent
				.authorize(URI
					.create("https://as.example.com/authorize?state=s-9&redirect_uri=" + userAgent.redirectUri()))
				.block(Duration.ofSeconds(10));

			assertThat(callback.code()).isEqualTo("c");
		}
	}

	@Test
	void refusesARedirectUriThatLeavesThisMachine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoopbackUserAgent.start(URI.create("http://192.0.2.10:8765/callback"), (url) -> {
			}, Duration.ofSeconds(1)))
			.withMessageContaining("must never leave this machine");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoopbackUserAgent.start(URI.create("https://127.0.0.1/callback"), (url) -> {
			}, Duration.ofSeconds(1)))
			.withMessageContaining("'http' on 127.0.0.1");
	}

	@Test
	void acceptsOnlyLoopbackRedirectUrisWithoutResolvingNames() {
		assertThat(LoopbackUserAgent.requireLoopback(URI.create("http://127.0.0.1:8765/callback"))).isNotNull();
		assertThat(LoopbackUserAgent.requireLoopback(URI.create("http://LOCALHOST/cb"))).isNotNull();
		assertThat(LoopbackUserAgent.requireLoopback(URI.create("http://[::1]:9/cb"))).isNotNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoopbackUserAgent.requireLoopback(URI.create("http://127.evil.example/cb")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoopbackUserAgent.requireLoopback(URI.create("http://127.0.0.1/cb?x=1")));
	}

	private int get(URI uri) {
		try {
			return this.http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
