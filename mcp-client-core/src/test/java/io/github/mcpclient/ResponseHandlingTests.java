package io.github.mcpclient;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.exception.McpProtocolException;
import io.github.mcpclient.exception.UnsupportedProtocolVersionException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.github.mcpclient.McpWireMock.ECHO_ID;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.sse;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the client reads what a server answers: JSON bodies, SSE streams, accepted
 * notifications, JSON-RPC errors and version negotiation.
 */
class ResponseHandlingTests {

	private static final String ADD_RESULT = "{\"content\":[{\"type\":\"text\",\"text\":\"5\"}]}";

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private final McpClient client = McpWireMock.blockingClient(server);

	@Test
	void everyPostSaysItSendsJsonAndAcceptsJsonOrAnEventStream() {
		stubHandshake(server, "abc-session-0001");

		this.client.initialize();

		for (String method : new String[] { "initialize", "notifications/initialized" }) {
			server.verify(rpcRequested(method).withHeader("Content-Type", equalTo("application/json"))
				.withHeader("Accept", equalTo("application/json, text/event-stream")));
		}
	}

	@Test
	void handshakeSendsVersionCapabilitiesAndClientInfoThenInitialized() {
		stubHandshake(server, "abc-session-0001");

		var result = this.client.initialize();

		assertThat(result.protocolVersion()).isEqualTo("2025-11-25");
		assertThat(result.serverInfo().name()).isEqualTo("stub-server");
		assertThat(this.client.session().serverInfo().version()).isEqualTo("1.2.3");
		assertThat(this.client.session().instructions()).isEqualTo("be nice");
		server.verify(rpcRequested("initialize")
			.withRequestBody(matchingJsonPath("$.params.protocolVersion", equalTo("2025-11-25")))
			.withRequestBody(matchingJsonPath("$.params.clientInfo.name"))
			.withRequestBody(matchingJsonPath("$.params.capabilities", equalToJson("{}")))
			.withRequestBody(matchingJsonPath("$.jsonrpc", equalTo("2.0"))));
		server.verify(rpcRequested("notifications/initialized").withRequestBody(matchingJsonPath("$[?(!@.id)]")));
	}

	@Test
	void initializeIsIdempotent() {
		stubHandshake(server, null);

		this.client.initialize();
		this.client.initialize();

		server.verify(1, rpcRequested("initialize"));
	}

	@Test
	void olderSupportedVersionIsAccepted() {
		server.stubFor(rpc("initialize").willReturn(json(McpWireMock.initializeResult("2025-03-26"))));
		server.stubFor(rpc("notifications/initialized").willReturn(aResponse().withStatus(202)));
		server.stubFor(rpc("ping").willReturn(json("{}")));

		this.client.ping();

		assertThat(this.client.session().protocolVersion()).isEqualTo("2025-03-26");
		server.verify(rpcRequested("ping").withHeader("MCP-Protocol-Version", equalTo("2025-03-26")));
	}

	@Test
	void unsupportedVersionFailsClearlyAndSendsNothingMore() {
		server.stubFor(rpc("initialize").willReturn(json(McpWireMock.initializeResult("2024-11-05"))));

		assertThatExceptionOfType(UnsupportedProtocolVersionException.class).isThrownBy(this.client::ping)
			.satisfies((ex) -> {
				assertThat(ex.getServerVersions()).containsExactly("2024-11-05");
				assertThat(ex.getRequested()).isEqualTo("2025-11-25");
				assertThat(ex.getMessage()).contains("'test'", "'initialize'", "2024-11-05");
			});
		assertThat(this.client.session().state()).isEqualTo(SessionState.FAILED);
		assertThat(this.client.statistics().failures()).isEqualTo(1);
		assertThat(this.client.statistics().lastError().type())
			.isEqualTo(UnsupportedProtocolVersionException.class.getName());
		server.verify(0, rpcRequested("notifications/initialized"));
		server.verify(0, rpcRequested("ping"));
	}

	@Test
	void jsonRpcErrorBecomesProtocolExceptionWithCodeMessageAndData() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID
					+ ",\"error\":{\"code\":-32602,\"message\":\"Unknown tool: nope\",\"data\":{\"tool\":\"nope\"}}}")
			.withTransformers("response-template")));

		assertThatExceptionOfType(McpProtocolException.class).isThrownBy(() -> this.client.callTool("nope", Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(-32602);
				assertThat(ex.getError().message()).isEqualTo("Unknown tool: nope");
				assertThat(ex.getData().get("tool").asString()).isEqualTo("nope");
				assertThat(ex.getMessage()).contains("'test'", "'tools/call'", "Unknown tool: nope");
			});
	}

	@Test
	void toolErrorResultIsAResultNotAnException() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call")
			.willReturn(json("{\"content\":[{\"type\":\"text\",\"text\":\"boom\"}],\"isError\":true}")));

		CallToolResult result = this.client.callTool("add", Map.of());

		assertThat(result.isError()).isTrue();
	}

	@Test
	void sseResponseWithNotificationsAndPrimingEventBeforeTheResult() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(sse("""
				id: prime-1
				data:

				: a comment line
				event: message
				id: 2
				data: {"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":1}}

				id: 3
				data: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"working"}}

				id: 4
				data: {"jsonrpc":"2.0","id":%s,"result":%s}

				""".formatted(ECHO_ID, ADD_RESULT))));

		CallToolResult result = this.client.callTool("add", Map.of("a", 2, "b", 3));

		assertThat(result.content()).singleElement()
			.isInstanceOfSatisfying(TextContent.class, (text) -> assertThat(text.text()).isEqualTo("5"));
	}

	@Test
	void sseResponseWithMultiLineDataAndCrLfLineEndings() {
		stubHandshake(server, null);
		String body = "event: message\r\ndata: {\"jsonrpc\":\"2.0\",\r\ndata: \"id\":" + ECHO_ID
				+ ",\r\ndata: \"result\":" + ADD_RESULT + "}\r\n\r\n";
		server.stubFor(rpc("tools/call").willReturn(sse(body)));

		CallToolResult result = this.client.callTool("add", Map.of());

		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("5");
	}

	@Test
	void sseResponseSplitAcrossManyNetworkChunks() {
		stubHandshake(server, null);
		String body = "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\","
				+ "\"data\":\"h\u00e9llo \u2603 w\u00f6rld\"}}\n\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID
				+ ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"\u2603 snow\"}]}}\n\n";
		server.stubFor(rpc("tools/call").willReturn(sse(body).withChunkedDribbleDelay(40, 400)));

		CallToolResult result = this.client.callTool("add", Map.of());

		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("\u2603 snow");
	}

	@Test
	void sseEventsForOtherRequestsAreSkipped() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(sse("data: {\"jsonrpc\":\"2.0\",\"id\":\"other\",\"result\":"
				+ "{\"content\":[{\"type\":\"text\",\"text\":\"not ours\"}]}}\n\n"
				+ "data: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"result\":" + ADD_RESULT + "}\n\n")));

		CallToolResult result = this.client.callTool("add", Map.of());

		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("5");
	}

	@Test
	void serverPingOnTheResponseStreamIsAnswered() {
		stubHandshake(server, null);
		server.stubFor(
				rpc("tools/call").willReturn(sse("data: {\"jsonrpc\":\"2.0\",\"id\":\"srv-1\",\"method\":\"ping\"}\n\n"
						+ "data: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"result\":" + ADD_RESULT + "}\n\n")));
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(McpWireMock.PATH)
			.withRequestBody(matchingJsonPath("$.id", equalTo("srv-1")))
			.willReturn(aResponse().withStatus(202)));

		this.client.callTool("add", Map.of());

		server.verify(McpWireMock.posted()
			.withRequestBody(matchingJsonPath("$.id", equalTo("srv-1")))
			.withRequestBody(matchingJsonPath("$.result", equalToJson("{}"))));
	}

	@Test
	void notificationsAreAcceptedWith202Or200() {
		stubHandshake(server, null);
		server.stubFor(rpc("notifications/roots/list_changed").willReturn(aResponse().withStatus(200)));

		this.client.notify("notifications/roots/list_changed", null);

		server.verify(rpcRequested("notifications/roots/list_changed"));
	}

	@Test
	void bodyOfAnAcceptedNotificationIsIgnored() {
		server.stubFor(rpc("initialize").willReturn(json(McpWireMock.initializeResult("2025-11-25"))));
		server.stubFor(rpc("notifications/initialized").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"result\":{}}")));

		this.client.initialize();

		assertThat(this.client.session().state()).isEqualTo(SessionState.READY);
	}

	@Test
	void listAllToolsFollowsCursors() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/list").withRequestBody(matchingJsonPath("$.params.cursor", equalTo("page-2")))
			.willReturn(json("{\"tools\":[{\"name\":\"second\",\"inputSchema\":{\"type\":\"object\"}}]}")));
		server.stubFor(rpc("tools/list").withRequestBody(matchingJsonPath("$[?(!@.params.cursor)]"))
			.willReturn(json("{\"tools\":[{\"name\":\"first\",\"inputSchema\":{\"type\":\"object\"}}],"
					+ "\"nextCursor\":\"page-2\"}")));

		assertThat(this.client.listAllTools()).extracting("name").containsExactly("first", "second");
	}

	@Test
	void repeatedCursorEndsTheListingWithAnError() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/list").willReturn(json(
				"{\"tools\":[{\"name\":\"loop\",\"inputSchema\":{\"type\":\"object\"}}],\"nextCursor\":\"again\"}")));

		assertThatExceptionOfType(io.github.mcpclient.exception.McpInvalidResponseException.class)
			.isThrownBy(this.client::listAllTools)
			.withMessageContaining("cursor 'again' twice");
	}

	@Test
	void requestTimeoutIsClearAndClientStaysUsable() {
		// Long enough for the ping that must succeed, however busy the machine.
		McpClient slow = McpWireMock
			.client(McpWireMock.settings(server).toBuilder().requestTimeout(Duration.ofMillis(1500)).build());
		stubHandshake(server, null);
		server.stubFor(rpc("tools/list").willReturn(json(McpWireMock.TOOLS).withFixedDelay(5000)));
		server.stubFor(rpc("ping").willReturn(json("{}")));

		assertThatExceptionOfType(io.github.mcpclient.exception.McpTimeoutException.class).isThrownBy(slow::listTools)
			.withMessageContaining("'tools/list'")
			.withMessageContaining("1500 ms");
		slow.ping();
	}

}
