package io.github.mcpclient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.protocol.ElicitResult;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.github.mcpclient.EraNegotiationTests.DISCOVER_RESULT;
import static io.github.mcpclient.McpWireMock.ECHO_ID;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The modern protocol era (2026-07-28) on the wire: metadata and mirrored headers, tool
 * parameter headers, multi round-trip requests, caching and the listen stream.
 */
class ModernEraTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private static final String META = "$.params._meta['io.modelcontextprotocol/";

	private static final String TOOLS = "{\"tools\":[{\"name\":\"weather\",\"inputSchema\":{\"type\":\"object\","
			+ "\"properties\":{\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"},"
			+ "\"days\":{\"type\":\"integer\",\"x-mcp-header\":\"Days\"}}}},"
			+ "{\"name\":\"broken\",\"inputSchema\":{\"type\":\"object\",\"properties\":"
			+ "{\"ratio\":{\"type\":\"number\",\"x-mcp-header\":\"Ratio\"}}}}],\"ttlMs\":0}";

	private static final String TEXT_RESULT = "{\"resultType\":\"complete\",\"content\":[{\"type\":\"text\","
			+ "\"text\":\"done\"}]}";

	private McpClient client(McpClientHandlers handlers) {
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));
		return McpWireMock.client(McpWireMock.settings(server).toBuilder().era(Era.MODERN).build(), handlers,
				EraVerdicts.inMemory());
	}

	private McpClient client() {
		return client(McpClientHandlers.none());
	}

	@Test
	void everyRequestCarriesTheModernMetadataAndHeaders() {
		server.stubFor(rpc("prompts/get").willReturn(json("{\"messages\":[]}")));
		McpClient client = client();

		client.getPrompt("r\u00e9sum\u00e9", Map.of());

		server.verify(rpcRequested("prompts/get").withHeader("MCP-Protocol-Version", equalTo("2026-07-28"))
			.withHeader("Mcp-Method", equalTo("prompts/get"))
			.withHeader("Mcp-Name", equalTo("=?base64?csOpc3Vtw6k=?="))
			.withHeader("MCP-Session-Id", absent())
			.withRequestBody(matchingJsonPath(META + "protocolVersion']", equalTo("2026-07-28")))
			.withRequestBody(matchingJsonPath(META + "clientCapabilities']", equalToJson("{}")))
			.withRequestBody(matchingJsonPath(META + "clientInfo'].name")));
		server.verify(0, rpcRequested("initialize"));
		server.verify(0, rpcRequested("notifications/initialized"));
	}

	@Test
	void resourceReadNamesTheUriAndPlainNamesStayPlain() {
		server.stubFor(rpc("resources/read").willReturn(json("{\"contents\":[]}")));
		server.stubFor(rpc("tools/call").willReturn(json(TEXT_RESULT)));
		McpClient client = client();

		client.readResource("file:///notes.txt");
		client.callTool("add", Map.of());

		server.verify(rpcRequested("resources/read").withHeader("Mcp-Name", equalTo("file:///notes.txt")));
		server.verify(rpcRequested("tools/call").withHeader("Mcp-Name", equalTo("add")));
	}

	@Test
	void listedToolsWithInvalidHeaderAnnotationsAreDroppedAndValidOnesMirrorArguments() {
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		server.stubFor(rpc("tools/call").willReturn(json(TEXT_RESULT)));
		McpClient client = client();

		assertThat(client.listAllTools()).extracting("name").containsExactly("weather");
		client.callTool("weather", Map.of("region", "Z\u00fcrich", "days", 3));

		server.verify(rpcRequested("tools/call").withHeader("Mcp-Param-Region", equalTo("=?base64?WsO8cmljaA==?="))
			.withHeader("Mcp-Param-Days", equalTo("3")));
	}

	@Test
	void absentArgumentsSendNoParameterHeader() {
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		server.stubFor(rpc("tools/call").willReturn(json(TEXT_RESULT)));
		McpClient client = client();
		client.listAllTools();

		client.callTool("weather", Map.of("region", "north"));

		server.verify(rpcRequested("tools/call").withHeader("Mcp-Param-Region", equalTo("north"))
			.withHeader("Mcp-Param-Days", absent()));
	}

	@Test
	void headerMismatchRefreshesTheToolsAndRetriesOnce() {
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		server.stubFor(rpc("tools/call").inScenario("mismatch")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32020,\"message\":\"header mismatch\"}}"))
			.willSetStateTo("refreshed"));
		server.stubFor(rpc("tools/call").inScenario("mismatch")
			.whenScenarioStateIs("refreshed")
			.willReturn(json(TEXT_RESULT)));
		McpClient client = client();

		var result = client.callTool("weather", Map.of("region", "east"));

		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("done");
		server.verify(1, rpcRequested("tools/list"));
		server.verify(2, rpcRequested("tools/call"));
		server.verify(rpcRequested("tools/call").withHeader("Mcp-Param-Region", equalTo("east")));
	}

	@Test
	void inputRequiredRunsTheHandlersAndResendsWithTheResponsesAndState() {
		server.stubFor(rpc("tools/call").withRequestBody(matchingJsonPath("$.params.inputResponses"))
			.willReturn(json(TEXT_RESULT)));
		server.stubFor(rpc("tools/call").withRequestBody(matchingJsonPath("$[?(!@.params.inputResponses)]"))
			.willReturn(json("{\"resultType\":\"input_required\",\"requestState\":\"opaque-1\",\"inputRequests\":"
					+ "{\"who\":{\"method\":\"elicitation/create\",\"params\":{\"message\":\"Name?\","
					+ "\"requestedSchema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}}},"
					+ "\"where\":{\"method\":\"roots/list\"}}}")));
		List<String> asked = new CopyOnWriteArrayList<>();
		McpClient client = client(McpClientHandlers.none().withElicitation((connection, request) -> {
			asked.add(request.message());
			return ElicitResult.accept(Map.of("name", "Ada"));
		}).withRoots((connection) -> List.of(new io.github.mcpclient.protocol.Root("file:///work", "work"))));

		var result = client.callTool("greet", Map.of("x", 1));

		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("done");
		assertThat(asked).containsExactly("Name?");
		server.verify(rpcRequested("tools/call")
			.withRequestBody(matchingJsonPath("$.params.requestState", equalTo("opaque-1")))
			.withRequestBody(matchingJsonPath("$.params.arguments.x", equalTo("1")))
			.withRequestBody(matchingJsonPath("$.params.inputResponses.who",
					equalToJson("{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}")))
			.withRequestBody(matchingJsonPath("$.params.inputResponses.where.roots[0].uri", equalTo("file:///work")))
			.withRequestBody(
					matchingJsonPath(META + "clientCapabilities']", equalToJson("{\"elicitation\":{},\"roots\":{}}"))));
	}

	@Test
	void inputRoundsAreCapped() {
		server.stubFor(
				rpc("tools/call").willReturn(json("{\"resultType\":\"input_required\",\"requestState\":\"again\"}")));

		assertThatExceptionOfType(McpInvalidResponseException.class)
			.isThrownBy(() -> client().callTool("loop", Map.of()))
			.withMessageContaining("'tools/call'")
			.withMessageContaining("after 10 rounds");
		server.verify(10, rpcRequested("tools/call"));
	}

	@Test
	void inputTheClientCannotGiveFailsTheCall() {
		server.stubFor(rpc("tools/call").willReturn(json("{\"resultType\":\"input_required\",\"inputRequests\":"
				+ "{\"llm\":{\"method\":\"sampling/createMessage\",\"params\":{\"messages\":[],\"maxTokens\":5}}}}")));

		assertThatExceptionOfType(McpException.class).isThrownBy(() -> client().callTool("ask", Map.of()))
			.withMessageContaining("'llm'")
			.withMessageContaining("sampling/createMessage");
		server.verify(1, rpcRequested("tools/call"));
	}

	@Test
	void cacheableListsAreServedFromCacheUntilTheirTimeToLiveOrAChangeNotification() {
		server.stubFor(rpc("prompts/list")
			.willReturn(json("{\"prompts\":[{\"name\":\"p\"}],\"ttlMs\":60000,\"cacheScope\":\"private\"}")));
		server.stubFor(rpc("tools/call").willReturn(sse("data: {\"jsonrpc\":\"2.0\",\"method\":"
				+ "\"notifications/prompts/list_changed\"}\n\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID
				+ ",\"result\":" + TEXT_RESULT + "}\n\n")));
		McpClient client = client();

		client.listPrompts(null);
		client.listPrompts(null);
		server.verify(1, rpcRequested("prompts/list"));

		client.callTool("change", Map.of());
		client.listPrompts(null);
		server.verify(2, rpcRequested("prompts/list"));
	}

	@Test
	void resultReachedThroughInputRoundsIsNotCached() {
		server.stubFor(rpc("resources/read").withRequestBody(matchingJsonPath("$.params.inputResponses"))
			.willReturn(json("{\"contents\":[],\"ttlMs\":60000,\"cacheScope\":\"private\"}")));
		server.stubFor(rpc("resources/read").withRequestBody(matchingJsonPath("$[?(!@.params.inputResponses)]"))
			.willReturn(json("{\"resultType\":\"input_required\",\"inputRequests\":{\"ok\":"
					+ "{\"method\":\"elicitation/create\",\"params\":{\"message\":\"Allow?\"}}}}")));
		McpClient client = client(McpClientHandlers.none().withElicitation((c, r) -> ElicitResult.accept(Map.of())));

		client.readResource("file:///secret");
		client.readResource("file:///secret");

		server.verify(4, rpcRequested("resources/read"));
	}

	@Test
	void resultsWithoutTimeToLiveAreNotCached() {
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		McpClient client = client();

		client.listTools();
		client.listTools();

		server.verify(2, rpcRequested("tools/list"));
	}

	@Test
	void toolListKeepsTheServersTimeToLiveWhenInvalidToolsAreDropped() {
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS.replace("\"ttlMs\":0", "\"ttlMs\":45000"))));
		McpClient client = client();

		ListToolsResult page = client.listTools();

		assertThat(page.tools()).extracting(Tool::name).doesNotContain("broken");
		assertThat(page.ttlMs()).isEqualTo(45000L);
	}

	@Test
	void pingDiscoversAndLoggingLevelTravelsInMetadata() {
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		McpClient client = client();

		client.ping();
		client.setLoggingLevel(LoggingLevel.WARNING);
		client.listTools();

		server.verify(0, rpcRequested("ping"));
		server.verify(0, rpcRequested("logging/setLevel"));
		server.verify(2, rpcRequested("server/discover"));
		server.verify(
				rpcRequested("tools/list").withRequestBody(matchingJsonPath(META + "logLevel']", equalTo("warning"))));
	}

	@Test
	void progressTokenSitsBesideTheReservedMetadata() {
		server.stubFor(
				rpc("tools/call").willReturn(sse("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
						+ "\"params\":{\"progressToken\":\"{{jsonPath request.body '$.params._meta.progressToken'}}\","
						+ "\"progress\":1}}\n\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"result\":"
						+ TEXT_RESULT + "}\n\n")));
		List<Double> progress = new CopyOnWriteArrayList<>();

		client().callTool("slow", Map.of(), (p) -> progress.add(p.progress()));

		assertThat(progress).containsExactly(1.0);
		server.verify(rpcRequested("tools/call").withRequestBody(matchingJsonPath("$.params._meta.progressToken"))
			.withRequestBody(matchingJsonPath(META + "protocolVersion']")));
	}

	@Test
	void closeSendsNothingAndTheNextCallDiscoversAgain() {
		McpClient client = client();
		client.initialize();

		client.close();
		client.ping();

		server.verify(0, deleteRequestedFor(anyUrl()));
		server.verify(0, anyRequestedFor(anyUrl()).withHeader("MCP-Session-Id", matching(".*")));
		server.verify(3, rpcRequested("server/discover"));
	}

	@Test
	void listeningUsesSubscriptionsListenInsteadOfAGetStream() {
		server.stubFor(rpc("subscriptions/listen").willReturn(sse(
				"data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/subscriptions/acknowledged\",\"params\":{}}\n\n"
						+ "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n")
			.withChunkedDribbleDelay(2, 300)));
		List<String> heard = new CopyOnWriteArrayList<>();
		McpClient client = McpWireMock.client(
				McpWireMock.settings(server).toBuilder().era(Era.MODERN).listen(true).build(),
				McpClientHandlers.none().withListeners(List.of(new McpNotificationListener() {
					@Override
					public void onToolsListChanged(String connectionName) {
						heard.add(connectionName);
					}
				})), EraVerdicts.inMemory());
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));

		client.initialize();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(heard).contains("test"));
		server.verify(rpcRequested("subscriptions/listen")
			.withRequestBody(matchingJsonPath("$.params.notifications", equalToJson("{\"toolsListChanged\":true}")))
			.withHeader("Mcp-Method", equalTo("subscriptions/listen")));
		server.verify(0, getRequestedFor(anyUrl()));
		client.close();
	}

	@Test
	void missingResultTypeMeansComplete() {
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[{\"type\":\"text\",\"text\":\"plain\"}]}")));

		var result = client().callTool("x", Map.of());

		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("plain");
	}

	@Test
	void timeoutClosesTheStreamWithoutACancelledNotification() {
		server.stubFor(rpc("tools/call").willReturn(json(TEXT_RESULT).withFixedDelay(3000)));
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));
		McpClient client = McpWireMock.client(
				McpWireMock.settings(server).toBuilder().era(Era.MODERN).requestTimeout(Duration.ofMillis(300)).build(),
				McpClientHandlers.none(), EraVerdicts.inMemory());

		assertThatExceptionOfType(io.github.mcpclient.exception.McpTimeoutException.class)
			.isThrownBy(() -> client.callTool("slow", Map.of()));

		server.verify(0, rpcRequested("notifications/cancelled"));
	}

}
