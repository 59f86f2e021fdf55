package io.github.mcpclient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.exception.McpConnectException;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.exception.McpTimeoutException;
import io.github.mcpclient.exception.McpTransportException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.mcpclient.McpWireMock.ECHO_ID;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.sse;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Whatever a broken or hostile server sends, the caller gets a typed exception naming the
 * connection and the method, nothing hangs, and the next call works.
 */
class BadInputTests {

	private static final String SESSION = "secret-session-id-0123456789";

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private McpClient client;

	@BeforeEach
	void start() {
		this.client = McpWireMock.client(McpWireMock.settings(server)
			.toBuilder()
			.requestTimeout(Duration.ofSeconds(2))
			.limits(new McpClientSettings.Limits(64 * 1024, 1024))
			.build());
		stubHandshake(server, SESSION);
		// A timed-out request is cancelled in the background; a 404 to that would end the
		// session under the next test step.
		server.stubFor(rpc("notifications/cancelled").willReturn(aResponse().withStatus(202)));
	}

	@Test
	void jsonRpcErrorBodyOnServerError() {
		answerToolsList(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"database down\"}}"));

		assertTransportFailure((ex) -> {
			assertThat(ex.getStatus()).isEqualTo(500);
			assertThat(ex.getRpcError().code()).isEqualTo(-32603);
			assertThat(ex.getMessage()).contains("HTTP 500", "database down");
		});
	}

	@Test
	void htmlErrorPageOfAProxy() {
		answerToolsList(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));

		assertTransportFailure((ex) -> {
			assertThat(ex.getStatus()).isEqualTo(502);
			assertThat(ex.getRpcError()).isNull();
			assertThat(ex.getMessage()).contains("HTTP 502", "502 Bad Gateway");
		});
	}

	@Test
	void errorStatusWithoutBody() {
		answerToolsList(aResponse().withStatus(503));

		assertTransportFailure((ex) -> {
			assertThat(ex.getStatus()).isEqualTo(503);
			assertThat(ex.getBodyExcerpt()).isNull();
		});
	}

	@Test
	void unauthorizedIsReportedAsAnAuthenticationFailure() {
		answerToolsList(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer"));

		assertTransportFailure((ex) -> assertThat(ex.isAuthenticationFailure()).isTrue());
	}

	@Test
	void errorPageEchoingTheSessionIdNeverRevealsIt() {
		answerToolsList(aResponse().withStatus(400).withBody("bad header MCP-Session-Id: " + SESSION));

		assertTransportFailure((ex) -> {
			assertThat(ex.getMessage()).doesNotContain(SESSION).contains("secr****");
			assertThat(ex.getBodyExcerpt()).doesNotContain(SESSION);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "text/plain" })
	void unexpectedContentType(String contentType) {
		answerToolsList(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody("<p>hello</p>"));

		assertTransportFailure((ex) -> assertThat(ex.getMessage()).contains("unexpected content type", contentType));
	}

	@Test
	void bodyWithoutContentType() {
		answerToolsList(aResponse().withStatus(200).withBody("hello"));

		assertTransportFailure((ex) -> assertThat(ex.getMessage()).contains("unexpected content type"));
	}

	@Test
	void emptySuccessfulResponseToARequest() {
		answerToolsList(aResponse().withStatus(202));

		assertInvalidResponse((ex) -> assertThat(ex.getMessage()).contains("without answering"));
	}

	@Test
	void invalidJson() {
		answerToolsList(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"jsonrpc\":"));

		assertTransportFailure((ex) -> assertThat(ex.getMessage()).contains("not valid JSON"));
	}

	@Test
	void jsonThatIsNotJsonRpc() {
		answerToolsList(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"hello\":1}"));

		assertTransportFailure((ex) -> assertThat(ex.getMessage()).contains("invalid JSON-RPC message"));
	}

	@Test
	void resultThatDoesNotMatchTheExpectedType() {
		answerToolsList(json("{\"tools\":\"not a list\"}"));

		assertInvalidResponse((ex) -> assertThat(ex.getMessage()).contains("does not match ListToolsResult"));
		server.verify(0, McpWireMock.rpcRequested("notifications/cancelled"));
	}

	@Test
	void responseWithTheWrongId() {
		answerToolsList(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":987654,\"result\":{\"tools\":[]}}"));

		assertInvalidResponse((ex) -> assertThat(ex.getMessage()).contains("id 987654"));
	}

	@Test
	void sseStreamEndingWithoutTheResponse() {
		answerToolsList(sse("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}\n\n"));

		assertInvalidResponse((ex) -> assertThat(ex.getMessage()).contains("without answering"));
	}

	@Test
	void sseEventLargerThanTheLimit() {
		answerToolsList(sse("data: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"result\":{\"tools\":[],\"pad\":\""
				+ "x".repeat(4000) + "\"}}\n\n"));

		assertTransportFailure((ex) -> assertThat(ex.getMessage()).contains("1024"));
	}

	@Test
	void jsonBodyLargerThanTheLimit() {
		answerToolsList(json("{\"tools\":[],\"pad\":\"" + "x".repeat(100_000) + "\"}"));

		assertTransportFailure((ex) -> assertThat(ex.getMessage()).contains("exceeds the limit of 65536 bytes"));
	}

	@Test
	void connectionDroppedByTheServer() {
		answerToolsList(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		assertTransportFailure((ex) -> assertThat(ex.getMessage()).contains("I/O error"));
	}

	@Test
	void garbageInsteadOfHttp() {
		answerToolsList(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

		assertTransportFailure((ex) -> assertThat(ex.getMessage()).contains("I/O error"));
	}

	@Test
	void serverHangingMidStreamTimesOut() {
		answerToolsList(sse("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}\n\n"
				+ "data: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"result\":{\"tools\":[]}}\n\n")
			.withChunkedDribbleDelay(2, 6000));

		assertThatExceptionOfType(McpTimeoutException.class).isThrownBy(this.client::listTools)
			.withMessageContaining("'test'")
			.withMessageContaining("'tools/list'");
		stillUsable();
	}

	@Test
	void connectionRefused() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		// Attempts that never reach a server are repeated until the deadline comes near.
		McpClient refused = McpWireMock
			.client(McpClientSettings.of("down", URI.create("http://127.0.0.1:" + port + "/mcp"))
				.toBuilder()
				.initializeTimeout(Duration.ofSeconds(2))
				.build());

		assertThatExceptionOfType(McpConnectException.class).isThrownBy(refused::ping).satisfies((ex) -> {
			assertThat(ex.getStatus()).isEqualTo(McpTransportException.NO_STATUS);
			// Without a pinned era the first request is the discover probe.
			assertThat(ex.getMessage()).contains("'down'", "'server/discover'", "could not connect");
		});
	}

	@Test
	void unresolvableHost() {
		McpClient nowhere = McpWireMock.client(McpClientSettings.of("nowhere", URI.create("http://mcp.invalid/mcp"))
			.toBuilder()
			.initializeTimeout(Duration.ofSeconds(5))
			.build());

		assertThatExceptionOfType(McpConnectException.class).isThrownBy(nowhere::ping)
			.withMessageContaining("'nowhere'")
			.withMessageContaining("'server/discover'");
	}

	@Test
	void tlsHandshakeFailure() {
		McpClient tls = McpWireMock
			.client(McpClientSettings.of("tls", URI.create("https://localhost:" + server.getPort() + "/mcp")));

		assertThatExceptionOfType(McpTransportException.class).isThrownBy(tls::ping)
			.withMessageContaining("'tls'")
			.withMessageContaining("I/O error");
	}

	private void answerToolsList(ResponseDefinitionBuilder response) {
		server.stubFor(rpc("tools/list").willReturn(response));
	}

	private void assertTransportFailure(Consumer<McpTransportException> check) {
		assertFailure(McpTransportException.class, check);
	}

	// A server that broke the protocol over a working exchange.
	private void assertInvalidResponse(Consumer<McpInvalidResponseException> check) {
		assertFailure(McpInvalidResponseException.class, check);
	}

	private <E extends McpException> void assertFailure(Class<E> type, Consumer<E> check) {
		assertThatExceptionOfType(type).isThrownBy(this.client::listTools).satisfies((ex) -> {
			assertThat(ex.getConnectionName()).isEqualTo("test");
			assertThat(ex.getMethod()).isEqualTo("tools/list");
			assertThat(ex.getMessage()).startsWith("MCP connection 'test', method 'tools/list': ");
			assertThat(ex.getMessage()).doesNotContain(SESSION);
		}).satisfies(check::accept);
		stillUsable();
	}

	private void stillUsable() {
		server.stubFor(rpc("ping").willReturn(json("{}")));
		this.client.ping();
		assertThat(this.client.session().sessionId()).isEqualTo(SESSION);
	}

}
