package io.github.mcpclient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mcpclient.exception.McpSessionExpiredException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.TOOLS;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The session rules of the Streamable HTTP transport, end to end through the client, its
 * session filter and WireMock.
 */
class SessionTrackingTests {

	private static final String SESSION = "session-1234567890abcdef";

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private final McpClient client = McpWireMock.blockingClient(server);

	@Test
	void capturesSessionIdFromInitializeAndSendsItOnEveryLaterRequest() {
		stubHandshake(server, SESSION);
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		server.stubFor(rpc("ping").willReturn(json("{}")));

		this.client.listTools();
		this.client.ping();

		assertThat(this.client.session().sessionId()).isEqualTo(SESSION);
		assertThat(this.client.session().state()).isEqualTo(SessionState.READY);
		server.verify(rpcRequested("initialize").withHeader("MCP-Session-Id", absent())
			.withHeader("MCP-Protocol-Version", absent()));
		for (String method : List.of("notifications/initialized", "tools/list", "ping")) {
			server.verify(1, rpcRequested(method).withHeader("MCP-Session-Id", equalTo(SESSION))
				.withHeader("MCP-Protocol-Version", equalTo("2025-11-25")));
		}
	}

	@Test
	void sendsTheSpecificationHeadersOnEveryPost() {
		stubHandshake(server, SESSION);
		server.stubFor(rpc("ping").willReturn(json("{}")));

		this.client.ping();

		server.verify(3, anyRequestedFor(anyUrl()).withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json, text/event-stream")));
	}

	@Test
	void laterResponsesNeverOverwriteTheSessionId() {
		stubHandshake(server, SESSION);
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS).withHeader("MCP-Session-Id", "intruder")));
		server.stubFor(rpc("ping").willReturn(json("{}")));

		this.client.listTools();
		this.client.ping();

		assertThat(this.client.session().sessionId()).isEqualTo(SESSION);
		server.verify(rpcRequested("ping").withHeader("MCP-Session-Id", equalTo(SESSION)));
	}

	@Test
	void statelessServerWorksAndReceivesNoSessionHeader() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call")
			.willReturn(json("{\"content\":[{\"type\":\"text\",\"text\":\"5\"}],\"isError\":false}")));

		var result = this.client.callTool("add", Map.of("a", 2, "b", 3));

		assertThat(result.content()).hasSize(1);
		assertThat(this.client.session().sessionId()).isNull();
		assertThat(this.client.session().state()).isEqualTo(SessionState.READY);
		server.verify(0, anyRequestedFor(anyUrl()).withHeader("MCP-Session-Id", matching(".*")));
		server.verify(rpcRequested("tools/call").withHeader("MCP-Protocol-Version", equalTo("2025-11-25")));
	}

	@Test
	void aCallThatFindsItsSessionGoneIsAnsweredOnANewSessionWithoutTheOldId() {
		stubTwoSessions();
		server.stubFor(
				rpc("ping").withHeader("MCP-Session-Id", equalTo(SESSION)).willReturn(aResponse().withStatus(404)));
		server.stubFor(rpc("ping").withHeader("MCP-Session-Id", equalTo("second-session-id")).willReturn(json("{}")));
		this.client.initialize();

		this.client.ping();

		assertThat(this.client.session().sessionId()).isEqualTo("second-session-id");
		assertThat(this.client.statistics().failures()).isZero();
		assertThat(this.client.statistics().retries()).isEqualTo(1);
		server.verify(2, rpcRequested("initialize").withHeader("MCP-Session-Id", absent()));
		server.verify(1, rpcRequested("ping").withHeader("MCP-Session-Id", equalTo("second-session-id")));
	}

	@Test
	void notFoundWithoutSessionIsAPlainNotFoundError() {
		stubHandshake(server, null);
		server.stubFor(rpc("ping").willReturn(aResponse().withStatus(404).withBody("Not Found")));

		assertThatExceptionOfType(McpTransportException.class).isThrownBy(this.client::ping)
			.isNotInstanceOf(McpSessionExpiredException.class)
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo(404);
				assertThat(ex.getMessage()).contains("'test'", "'ping'", "HTTP 404");
			});
		assertThat(this.client.session().state()).isEqualTo(SessionState.READY);
	}

	@Test
	void notFoundOnInitializeIsAPlainNotFoundError() {
		server.stubFor(rpc("initialize").willReturn(aResponse().withStatus(404)));

		assertThatExceptionOfType(McpTransportException.class).isThrownBy(this.client::initialize)
			.isNotInstanceOf(McpSessionExpiredException.class)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(404));
		assertThat(this.client.session().state()).isEqualTo(SessionState.FAILED);
	}

	@Test
	void badRequestWithSessionIsNotAnExpiry() {
		stubHandshake(server, SESSION);
		server.stubFor(rpc("ping").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,"
					+ "\"message\":\"Bad Request: Unsupported protocol version\"}}")));

		assertThatExceptionOfType(McpTransportException.class).isThrownBy(this.client::ping)
			.isNotInstanceOf(McpSessionExpiredException.class)
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo(400);
				assertThat(ex.getRpcError()).isNotNull();
				assertThat(ex.getRpcError().code()).isEqualTo(-32000);
				assertThat(ex.getMessage()).contains("Unsupported protocol version");
			});
		assertThat(this.client.session().sessionId()).isEqualTo(SESSION);
	}

	@Test
	void badRequestSayingTheSessionIsUnknownIsAnExpiry() {
		stubHandshake(server, SESSION);
		server.stubFor(rpc("ping").withHeader("MCP-Session-Id", equalTo(SESSION))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,"
						+ "\"message\":\"Bad Request: No valid session ID provided\"}}")));
		this.client.initialize();

		assertThatExceptionOfType(McpSessionExpiredException.class).isThrownBy(this.client::ping);
		assertThat(this.client.session().state()).isEqualTo(SessionState.EXPIRED);
	}

	@Test
	void closeDeletesTheSessionWithItsHeadersAndClearsState() {
		stubHandshake(server, SESSION);
		server.stubFor(delete(urlEqualTo(McpWireMock.PATH)).willReturn(aResponse().withStatus(200)));
		this.client.initialize();

		this.client.close();

		server.verify(deleteRequestedFor(urlEqualTo(McpWireMock.PATH)).withHeader("MCP-Session-Id", equalTo(SESSION))
			.withHeader("MCP-Protocol-Version", equalTo("2025-11-25")));
		assertThat(this.client.session().state()).isEqualTo(SessionState.CLOSED);
		assertThat(this.client.session().sessionId()).isNull();
	}

	@Test
	void closeToleratesNotFoundAndMethodNotAllowed() {
		for (int status : new int[] { 404, 405 }) {
			server.resetAll();
			stubHandshake(server, SESSION);
			server.stubFor(delete(urlEqualTo(McpWireMock.PATH)).willReturn(aResponse().withStatus(status)));
			this.client.initialize();

			this.client.close();

			assertThat(this.client.session().state()).isEqualTo(SessionState.CLOSED);
			assertThat(this.client.session().sessionId()).isNull();
		}
	}

	@Test
	void closeClearsStateEvenWhenTheServerFails() {
		stubHandshake(server, SESSION);
		server.stubFor(delete(urlEqualTo(McpWireMock.PATH)).willReturn(aResponse().withStatus(500)));
		this.client.initialize();

		assertThatExceptionOfType(McpTransportException.class).isThrownBy(this.client::close)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(500));
		assertThat(this.client.session().sessionId()).isNull();
	}

	@Test
	void closeOfAStatelessConnectionSendsNoDelete() {
		stubHandshake(server, null);
		this.client.initialize();

		this.client.close();

		server.verify(0, deleteRequestedFor(anyUrl()));
		assertThat(this.client.session().state()).isEqualTo(SessionState.CLOSED);
	}

	@Test
	void callAfterCloseStartsANewSession() {
		stubHandshake(server, SESSION);
		server.stubFor(delete(urlEqualTo(McpWireMock.PATH)).willReturn(aResponse().withStatus(204)));
		server.stubFor(rpc("ping").willReturn(json("{}")));
		this.client.initialize();
		this.client.close();

		this.client.ping();

		server.verify(2, rpcRequested("initialize"));
		assertThat(this.client.session().sessionId()).isEqualTo(SESSION);
	}

	@Test
	void concurrentFirstCallsStartExactlyOneInitialize() {
		server.stubFor(rpc("initialize")
			.willReturn(json(McpWireMock.initializeResult("2025-11-25")).withHeader("MCP-Session-Id", SESSION)
				.withFixedDelay(300)));
		server.stubFor(rpc("notifications/initialized").willReturn(aResponse().withStatus(202)));
		server.stubFor(rpc("ping").willReturn(json("{}")));
		ReactiveMcpClient reactive = this.client.reactive();

		List<Integer> done = Flux.range(0, 16)
			.flatMap((i) -> reactive.ping().thenReturn(i).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(done).hasSize(16);
		server.verify(1, rpcRequested("initialize"));
		server.verify(16, rpcRequested("ping").withHeader("MCP-Session-Id", equalTo(SESSION)));
	}

	@Test
	void manyRequestsSeeingAnExpiredSessionShareOneReinitializeAndAreAllAnswered() {
		stubTwoSessions();
		server.stubFor(rpc("ping").withHeader("MCP-Session-Id", equalTo(SESSION))
			.willReturn(aResponse().withStatus(404).withFixedDelay(100)));
		server.stubFor(rpc("ping").withHeader("MCP-Session-Id", equalTo("second-session-id")).willReturn(json("{}")));
		ReactiveMcpClient reactive = this.client.reactive();
		reactive.initialize().block(Duration.ofSeconds(5));

		List<Throwable> failures = Flux.range(0, 8)
			.flatMap((i) -> reactive.ping().then(Mono.<Throwable>empty()).onErrorResume(Mono::just))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(failures).isEmpty();
		server.verify(2, rpcRequested("initialize"));
		server.verify(8, rpcRequested("ping").withHeader("MCP-Session-Id", equalTo("second-session-id")));
		assertThat(reactive.statistics().reinitializations()).isEqualTo(1);
		assertThat(reactive.statistics().failures()).isZero();
	}

	@Test
	void aCallWhoseSessionExpiresAgainOnTheNewSessionFails() {
		stubHandshake(server, SESSION);
		server.stubFor(rpc("ping").willReturn(aResponse().withStatus(404)));
		this.client.initialize();

		assertThatExceptionOfType(McpSessionExpiredException.class).isThrownBy(this.client::ping).satisfies((ex) -> {
			assertThat(ex.getConnectionName()).isEqualTo("test");
			assertThat(ex.getMethod()).isEqualTo("ping");
			assertThat(ex.getMessage()).contains("test", "ping").doesNotContain(SESSION);
		});
		server.verify(2, rpcRequested("initialize"));
		server.verify(2, rpcRequested("ping"));
	}

	@Test
	void withRetriesOffAnExpiredSessionReachesTheCaller() {
		stubHandshake(server, SESSION);
		server.stubFor(rpc("ping").willReturn(aResponse().withStatus(404)));
		McpClient noRetries = McpWireMock
			.client(McpWireMock.settings(server).toBuilder().retry(McpClientSettings.Retry.NONE).build());
		noRetries.initialize();

		assertThatExceptionOfType(McpSessionExpiredException.class).isThrownBy(noRetries::ping);
		assertThat(noRetries.session().state()).isEqualTo(SessionState.EXPIRED);
		server.verify(1, rpcRequested("ping"));
	}

	// The first handshake opens SESSION, the next one "second-session-id".
	private static void stubTwoSessions() {
		server.stubFor(rpc("initialize").inScenario("restart")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(McpWireMock.initializeResult("2025-11-25")).withHeader("MCP-Session-Id", SESSION))
			.willSetStateTo("first"));
		server.stubFor(rpc("initialize").inScenario("restart")
			.whenScenarioStateIs("first")
			.willReturn(
					json(McpWireMock.initializeResult("2025-11-25")).withHeader("MCP-Session-Id", "second-session-id"))
			.willSetStateTo("second"));
		server.stubFor(rpc("notifications/initialized").willReturn(aResponse().withStatus(202)));
	}

}
