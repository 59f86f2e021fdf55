package io.github.mcpclient.engine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.github.mcpclient.exception.McpSessionExpiredException;
import io.github.mcpclient.session.SessionState;
import io.github.mcpclient.transport.McpHeaders;
import io.github.mcpclient.transport.McpSessionFilter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session filter on its own, against a recording exchange function.
 */
class McpSessionFilterTests {

	private static final URI URL = URI.create("http://localhost/mcp");

	private final McpSessionHolder holder = new McpSessionHolder("files", URL);

	private final McpSessionFilter filter = new McpSessionFilter(this.holder);

	private final List<ClientRequest> sent = new ArrayList<>();

	@Test
	void leavesRequestsWithoutMcpMethodAlone() {
		establish("sid-123456789");
		ClientRequest request = ClientRequest.create(HttpMethod.GET, URL).build();

		exchange(request, ClientResponse.create(HttpStatus.NOT_FOUND).build()).block();

		assertThat(this.sent.get(0).headers().containsHeader(McpHeaders.SESSION_ID)).isFalse();
		assertThat(this.holder.current().sessionId()).isEqualTo("sid-123456789");
	}

	@Test
	void neverSendsSessionHeadersOnInitializeEvenIfPresent() {
		establish("sid-123456789");
		ClientRequest request = mcp("initialize").header(McpHeaders.SESSION_ID, "stale").build();

		exchange(request, ClientResponse.create(HttpStatus.OK).build()).block();

		assertThat(this.sent.get(0).headers().get(McpHeaders.SESSION_ID)).isNull();
		assertThat(this.sent.get(0).headers().get(McpHeaders.PROTOCOL_VERSION)).isNull();
	}

	@Test
	void replacesRatherThanDuplicatesSessionHeaders() {
		establish("sid-123456789");
		ClientRequest request = mcp("ping").header(McpHeaders.SESSION_ID, "stale")
			.header("mcp-protocol-version", "1999-01-01")
			.build();

		exchange(request, ClientResponse.create(HttpStatus.OK).build()).block();

		assertThat(this.sent.get(0).headers().get(McpHeaders.SESSION_ID)).containsExactly("sid-123456789");
		assertThat(this.sent.get(0).headers().get(McpHeaders.PROTOCOL_VERSION)).containsExactly("2025-11-25");
	}

	@Test
	void passesOnARequestThatAlreadyCarriesTheSessionHeadersAsItIs() {
		establish("sid-123456789");
		ClientRequest request = mcp("ping")
			.headers((headers) -> McpSessionFilter.putSessionHeaders("ping", this.holder.current(), headers))
			.build();

		exchange(request, ClientResponse.create(HttpStatus.OK).build()).block();

		assertThat(this.sent.get(0)).isSameAs(request);
		assertThat(request.headers().get(McpHeaders.SESSION_ID)).containsExactly("sid-123456789");
		assertThat(request.headers().get(McpHeaders.PROTOCOL_VERSION)).containsExactly("2025-11-25");
	}

	@Test
	void rebuildsARequestWhoseSessionChangedSinceItWasBuilt() {
		establish("sid-123456789");
		ClientRequest request = mcp("ping")
			.headers((headers) -> McpSessionFilter.putSessionHeaders("ping", this.holder.current(), headers))
			.build();
		this.holder.initializing();
		this.holder.assigned("sid-987654321");
		this.holder.established("2025-06-18", null, null, null);

		exchange(request, ClientResponse.create(HttpStatus.OK).build()).block();

		assertThat(this.sent.get(0)).isNotSameAs(request);
		assertThat(this.sent.get(0).headers().get(McpHeaders.SESSION_ID)).containsExactly("sid-987654321");
		assertThat(this.sent.get(0).headers().get(McpHeaders.PROTOCOL_VERSION)).containsExactly("2025-06-18");
	}

	@Test
	void passesOnAnInitializeWithoutSessionHeadersAsItIs() {
		establish("sid-123456789");
		ClientRequest request = mcp("initialize")
			.headers((headers) -> McpSessionFilter.putSessionHeaders("initialize", this.holder.current(), headers))
			.build();

		exchange(request, ClientResponse.create(HttpStatus.OK).build()).block();

		assertThat(this.sent.get(0)).isSameAs(request);
		assertThat(request.headers().containsHeader(McpHeaders.SESSION_ID)).isFalse();
	}

	@Test
	void readsTheSessionIdInAnyCasing() {
		this.holder.initializing();

		exchange(mcp("initialize").build(),
				ClientResponse.create(HttpStatus.OK).header("mcp-session-id", "lower-case-id").build())
			.block();

		assertThat(this.holder.current().sessionId()).isEqualTo("lower-case-id");
	}

	@Test
	void ignoresSessionIdOfAFailedInitialize() {
		this.holder.initializing();

		exchange(mcp("initialize").build(),
				ClientResponse.create(HttpStatus.BAD_REQUEST).header(McpHeaders.SESSION_ID, "nope").build())
			.block();

		assertThat(this.holder.current().sessionId()).isNull();
	}

	@Test
	void notFoundWithSessionExpires() {
		establish("sid-123456789");

		StepVerifier.create(exchange(mcp("tools/list").build(), ClientResponse.create(HttpStatus.NOT_FOUND).build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(McpSessionExpiredException.class)
				.hasMessageContaining("'files'")
				.hasMessageContaining("'tools/list'")
				.hasMessageContaining("sid-****")
				.hasMessageNotContaining("sid-123456789"))
			.verify(java.time.Duration.ofSeconds(5));
		assertThat(this.holder.current().state()).isEqualTo(SessionState.EXPIRED);
	}

	@Test
	void requestStartedAfterTheSessionExpiredFailsWithoutReachingTheServer() {
		establish("sid-123456789");
		this.holder.expire("sid-123456789");

		StepVerifier.create(exchange(mcp("tools/call").build(), ClientResponse.create(HttpStatus.OK).build()))
			.expectError(McpSessionExpiredException.class)
			.verify(java.time.Duration.ofSeconds(5));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void notFoundWithoutSessionPassesThrough() {
		this.holder.initializing();
		this.holder.established("2025-11-25", null, null, null);

		ClientResponse response = exchange(mcp("tools/list").build(),
				ClientResponse.create(HttpStatus.NOT_FOUND).build())
			.block();

		assertThat(response.statusCode().value()).isEqualTo(404);
		assertThat(this.holder.current().state()).isEqualTo(SessionState.READY);
	}

	private void establish(String sessionId) {
		this.holder.initializing();
		this.holder.assigned(sessionId);
		this.holder.established("2025-11-25", null, null, null);
	}

	private ClientRequest.Builder mcp(String method) {
		return ClientRequest.create(HttpMethod.POST, URL).attribute(McpSessionFilter.METHOD_ATTRIBUTE, method);
	}

	private Mono<ClientResponse> exchange(ClientRequest request, ClientResponse response) {
		return this.filter.filter(request, (filtered) -> {
			this.sent.add(filtered);
			return Mono.just(response);
		});
	}

}
