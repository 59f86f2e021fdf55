package io.github.mcpclient.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.client.web.server.WebSessionOAuth2ServerAuthorizationRequestRepository;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RFC 9207 check of an MCP connection's authorization response in a reactive web
 * application, before Spring Security redeems its code.
 */
class McpReactiveAuthorizationResponseIssuerFilterTests {

	private final WebSessionOAuth2ServerAuthorizationRequestRepository requests = new WebSessionOAuth2ServerAuthorizationRequestRepository();

	@Test
	void aMatchingIssuerPasses() {
		assertThat(callback(true, McpAuthorizationResponseIssuerFilterTests.ISSUER)).isTrue();
	}

	@Test
	void anotherIssuerIsRefusedAndTheCodeCanNeverBeRedeemed() {
		assertThat(callback(false, "https://evil.example")).isFalse();
	}

	@Test
	void aMissingIssuerIsRefusedWhenTheServerAdvertisesIt() {
		assertThat(callback(true, null)).isFalse();
	}

	@Test
	void aMissingIssuerPassesWhenTheServerDoesNotAdvertiseIt() {
		assertThat(callback(false, null)).isTrue();
	}

	@Test
	void otherRequestsPass() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/login/oauth2/code/notes?state=the-state"));
		AtomicBoolean passed = new AtomicBoolean();
		new McpReactiveAuthorizationResponseIssuerFilter(this.requests,
				McpAuthorizationResponseIssuerFilterTests.registrations(true))
			.filter(exchange, (passing) -> Mono.fromRunnable(() -> passed.set(true)))
			.block();
		assertThat(passed).isTrue();
	}

	// Whether the response reached the callback; a refused one is a 400 whose pending
	// request is gone.
	private boolean callback(boolean advertised, String iss) {
		WebSession session = new InMemoryWebSessionStore().createWebSession().block();
		MockServerWebExchange authorize = MockServerWebExchange.builder(MockServerHttpRequest.get("/"))
			.session(session)
			.build();
		this.requests.saveAuthorizationRequest(McpAuthorizationResponseIssuerFilterTests.pendingRequest(), authorize)
			.block();
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/login/oauth2/code/notes")
			.queryParam("code", "the-code")
			.queryParam("state", "the-state");
		if (iss != null) {
			uri.queryParam("iss", iss);
		}
		MockServerWebExchange exchange = MockServerWebExchange
			.builder(MockServerHttpRequest.get(uri.build().toUriString()))
			.session(session)
			.build();
		AtomicBoolean passed = new AtomicBoolean();
		new McpReactiveAuthorizationResponseIssuerFilter(this.requests,
				McpAuthorizationResponseIssuerFilterTests.registrations(advertised))
			.filter(exchange, (passing) -> Mono.fromRunnable(() -> passed.set(true)))
			.block();
		if (!passed.get()) {
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("evil");
			assertThat(this.requests.loadAuthorizationRequest(exchange).block()).isNull();
		}
		return passed.get();
	}

}
