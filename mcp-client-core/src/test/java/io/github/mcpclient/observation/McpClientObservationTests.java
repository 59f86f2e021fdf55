package io.github.mcpclient.observation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Root;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.ECHO_ID;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.sse;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Observations of MCP operations, server requests and legacy sessions, as a
 * {@link TestObservationRegistry} sees them.
 */
class McpClientObservationTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private static final String DISCOVER_RESULT = "{\"resultType\":\"complete\",\"supportedVersions\":[\"2026-07-28\"],"
			+ "\"capabilities\":{\"tools\":{}},\"ttlMs\":0,\"_meta\":{\"io.modelcontextprotocol/serverInfo\":"
			+ "{\"name\":\"modern-stub\",\"version\":\"9.0\"}}}";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	// Every observation that stopped, in order; the test registry validates their
	// lifecycle on the way.
	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	McpClientObservationTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onStop(Observation.Context context) {
				McpClientObservationTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});
	}

	private McpClient client(McpClientSettings settings, McpClientHandlers handlers) {
		// Long timeouts: a busy machine must not fail these tests, and answers end the
		// wait.
		if (settings.requestTimeout().equals(McpWireMock.settings(server).requestTimeout())) {
			settings = settings.toBuilder().requestTimeout(WAIT).initializeTimeout(WAIT).build();
		}
		return McpClientFactory.builder().observationRegistry(this.registry).build().create(settings, handlers);
	}

	private McpClient legacyClient() {
		return client(McpWireMock.settings(server), McpClientHandlers.none());
	}

	@Test
	void toolCallIsObservedWithTheConventionsNamesAndKeys() {
		stubHandshake(server, "session-1");
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[]}")));

		legacyClient().callTool("add", Map.of("a", 1));

		Observation.Context call = stopped("tools/call add");
		assertThat(call.getName()).isEqualTo("mcp.client.operation.duration");
		assertThat(call).isInstanceOf(McpClientObservationContext.class);
		assertThat(((McpClientObservationContext) call).getKind())
			.isEqualTo(io.micrometer.observation.transport.Kind.CLIENT);
		assertThat(call.getLowCardinalityKeyValues()).contains(KeyValue.of("mcp.method.name", "tools/call"),
				KeyValue.of("gen_ai.tool.name", "add"), KeyValue.of("gen_ai.operation.name", "execute_tool"),
				KeyValue.of("gen_ai.prompt.name", "none"), KeyValue.of("mcp.protocol.version", "2025-11-25"),
				KeyValue.of("error.type", "none"), KeyValue.of("rpc.response.status_code", "none"),
				KeyValue.of("network.protocol.name", "http"), KeyValue.of("network.transport", "tcp"),
				KeyValue.of("server.address", "localhost"),
				KeyValue.of("server.port", String.valueOf(server.getPort())),
				KeyValue.of("mcp.client.connection.name", "test"));
		assertThat(call.getHighCardinalityKeyValues()).contains(KeyValue.of("mcp.session.id", "session-1"));
		assertThat(call.getHighCardinalityKeyValue("jsonrpc.request.id")).isNotNull();
		Observation.Context initialize = stopped("initialize");
		assertThat(initialize.getLowCardinalityKeyValue("gen_ai.operation.name").getValue()).isEqualTo("none");
		assertThat(stopped("notifications/initialized").getHighCardinalityKeyValue("jsonrpc.request.id")).isNull();
	}

	@Test
	void promptsAndResourcesNameTheirTargets() {
		stubHandshake(server, null);
		server.stubFor(rpc("prompts/get").willReturn(json("{\"messages\":[]}")));
		server.stubFor(rpc("resources/read").willReturn(json("{\"contents\":[]}")));
		McpClient client = legacyClient();

		client.getPrompt("greet", Map.of());
		client.readResource("file:///notes.txt");

		assertThat(stopped("prompts/get greet").getLowCardinalityKeyValue("gen_ai.prompt.name").getValue())
			.isEqualTo("greet");
		assertThat(stopped("resources/read").getHighCardinalityKeyValues())
			.contains(KeyValue.of("mcp.resource.uri", "file:///notes.txt"));
		assertThat(stopped("resources/read").getLowCardinalityKeyValue("gen_ai.tool.name").getValue())
			.isEqualTo("none");
	}

	@Test
	void toolResultWithIsErrorIsAToolError() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call")
			.willReturn(json("{\"content\":[{\"type\":\"text\",\"text\":\"no\"}],\"isError\":true}")));

		legacyClient().callTool("add", Map.of());

		assertThat(stopped("tools/call add").getLowCardinalityKeyValues())
			.contains(KeyValue.of("error.type", "tool_error"), KeyValue.of("rpc.response.status_code", "none"));
	}

	@Test
	void jsonRpcErrorIsItsCode() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID
					+ ",\"error\":{\"code\":-32602,\"message\":\"Unknown tool\"}}")
			.withTransformers("response-template")));

		assertThatExceptionOfType(McpException.class).isThrownBy(() -> legacyClient().callTool("nope", Map.of()));

		Observation.Context call = stopped("tools/call nope");
		assertThat(call.getLowCardinalityKeyValues()).contains(KeyValue.of("error.type", "-32602"),
				KeyValue.of("rpc.response.status_code", "-32602"));
		assertThat(call.getError()).isInstanceOf(McpException.class);
	}

	@Test
	void transportFailureIsItsType() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(aResponse().withStatus(500).withBody("boom")));

		McpException failure = org.junit.jupiter.api.Assertions.assertThrows(McpException.class,
				() -> legacyClient().callTool("add", Map.of()));

		assertThat(stopped("tools/call add").getLowCardinalityKeyValues())
			.contains(KeyValue.of("error.type", failure.getClass().getName()));
	}

	@Test
	void modernOperationsCarryNoSessionId() {
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));
		server.stubFor(rpc("tools/call")
			.willReturn(json("{\"resultType\":\"complete\",\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}")
				.withHeader("Mcp-Session-Id", "must-not-appear")));
		McpClient client = client(McpWireMock.settings(server).toBuilder().era(Era.MODERN).build(),
				McpClientHandlers.none());

		client.callTool("add", Map.of());

		Observation.Context call = stopped("tools/call add");
		assertThat(call.getLowCardinalityKeyValues()).contains(KeyValue.of("mcp.protocol.version", "2026-07-28"));
		assertThat(call.getHighCardinalityKeyValue("mcp.session.id")).isNull();
		assertThat(stopped("server/discover").getHighCardinalityKeyValue("mcp.session.id")).isNull();
		assertThat(this.stopped.stream().map(Observation.Context::getName))
			.doesNotContain("mcp.client.session.duration");
	}

	@Test
	void serverRequestsAreServerKindObservations() {
		stubHandshake(server, null);
		String rootsRequest = "data: {\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"roots/list\"}\n\n";
		String result = "data: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"result\":{\"content\":[]}}\n\n";
		server.stubFor(rpc("tools/call").willReturn(sse(rootsRequest + result)));
		server.stubFor(post(urlEqualTo(McpWireMock.PATH)).withRequestBody(matchingJsonPath("$.id", equalTo("s1")))
			.willReturn(aResponse().withStatus(202)));

		client(McpWireMock.settings(server),
				McpClientHandlers.none().withRoots((connection) -> List.of(new Root("file:///work", "work"))))
			.callTool("files", Map.of());
		legacyClient().callTool("files", Map.of());

		List<McpServerRequestObservationContext> requests = await().until(() -> this.stopped.stream()
			.filter(McpServerRequestObservationContext.class::isInstance)
			.map(McpServerRequestObservationContext.class::cast)
			.toList(), (found) -> found.size() == 2);
		McpServerRequestObservationContext answered = requests.get(0);
		assertThat(answered.getName()).isEqualTo("mcp.client.server_request.duration");
		assertThat(answered.getContextualName()).isEqualTo("roots/list");
		assertThat(answered.getKind()).isEqualTo(io.micrometer.observation.transport.Kind.SERVER);
		assertThat(answered.getLowCardinalityKeyValues()).contains(KeyValue.of("mcp.method.name", "roots/list"),
				KeyValue.of("error.type", "none"), KeyValue.of("mcp.client.connection.name", "test"));
		assertThat(answered.getHighCardinalityKeyValues()).contains(KeyValue.of("jsonrpc.request.id", "s1"));
		assertThat(requests.get(1).getLowCardinalityKeyValues()).contains(KeyValue.of("error.type", "-32601"),
				KeyValue.of("rpc.response.status_code", "-32601"));
	}

	@Test
	void legacySessionIsTimedFromInitializeToClose() {
		stubHandshake(server, "session-1");
		server.stubFor(rpc("ping").willReturn(json("{}")));
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlEqualTo(McpWireMock.PATH))
			.willReturn(aResponse().withStatus(200)));
		McpClient client = legacyClient();

		client.ping();
		client.close();

		Observation.Context session = stoppedSession();
		assertThat(session.getLowCardinalityKeyValues()).contains(KeyValue.of("mcp.protocol.version", "2025-11-25"),
				KeyValue.of("error.type", "none"), KeyValue.of("mcp.client.connection.name", "test"));
	}

	@Test
	void expiredSessionEndsWithItsErrorType() {
		stubHandshake(server, "session-1");
		server.stubFor(rpc("ping").willReturn(aResponse().withStatus(404)));
		McpClient client = client(
				McpWireMock.settings(server).toBuilder().requestTimeout(Duration.ofSeconds(2)).build(),
				McpClientHandlers.none());

		assertThatExceptionOfType(McpException.class).isThrownBy(client::ping);

		assertThat(stoppedSession().getLowCardinalityKeyValues())
			.contains(KeyValue.of("error.type", McpClientSessionObservationContext.EXPIRED));
	}

	@Test
	void failedHandshakeEndsTheSessionWithTheFailure() {
		server.stubFor(rpc("initialize").willReturn(aResponse().withStatus(500)));

		assertThatExceptionOfType(McpException.class).isThrownBy(legacyClient()::initialize);

		assertThat(stoppedSession().getLowCardinalityKeyValue("error.type").getValue())
			.startsWith("io.github.mcpclient.exception.");
	}

	@Test
	void aReplacementConventionNamesTheObservations() {
		stubHandshake(server, null);
		server.stubFor(rpc("ping").willReturn(json("{}")));
		McpClient client = McpClientFactory.builder()
			.observationRegistry(this.registry)
			.observationConvention(new DefaultMcpClientObservationConvention() {
				@Override
				public String getName() {
					return "custom.mcp";
				}
			})
			.build()
			.create(McpWireMock.settings(server));

		client.ping();

		assertThat(stopped("ping").getName()).isEqualTo("custom.mcp");
	}

	private Observation.Context stopped(String contextualName) {
		return await().until(() -> this.stopped.stream()
			.filter((context) -> contextualName.equals(context.getContextualName()))
			.findFirst()
			.orElse(null), (found) -> found != null);
	}

	private Observation.Context stoppedSession() {
		return await().until(() -> this.stopped.stream()
			.filter(McpClientSessionObservationContext.class::isInstance)
			.findFirst()
			.orElse(null), (found) -> found != null);
	}

}
