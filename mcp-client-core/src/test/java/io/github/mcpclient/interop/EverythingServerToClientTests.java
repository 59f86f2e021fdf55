package io.github.mcpclient.interop;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.interop.RecordingHandlers.Received;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.CreateMessageRequest;
import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.ElicitResult;
import io.github.mcpclient.protocol.EmptyResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.ProgressNotification;
import io.github.mcpclient.protocol.Role;
import io.github.mcpclient.protocol.Root;
import io.github.mcpclient.protocol.SubscribeRequest;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.Tool;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What the reference server {@code @modelcontextprotocol/server-everything} asks of the
 * client and tells it: elicitation and sampling on a tool call's response stream, roots
 * and notifications on the listening GET stream, progress of a long-running tool. The
 * client declares every capability and listens, as an application with handlers does.
 * <p>
 * The server registers its elicitation, sampling and roots tools only for a client that
 * declares the matching capability, asks for the roots 350 ms after the handshake on the
 * GET stream, and sends log messages and resource updates there too, since they belong to
 * no request.
 */
class EverythingServerToClientTests {

	private static final String CONNECTION = "everything";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.everything();

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	private final RecordingHandlers handlers = new RecordingHandlers();

	private McpClient client;

	@BeforeEach
	void connect() {
		this.client = Interop.client(Interop.settings(CONNECTION, proxy.url("/mcp")).toBuilder().listen(true).build(),
				this.handlers.all());
	}

	@AfterEach
	void disconnect() {
		Interop.close(this.client);
	}

	@Test
	void declaredCapabilitiesUnlockTheServersClientFeatureTools() {
		assertThat(this.client.listAllTools()).extracting(Tool::name)
			.contains("trigger-elicitation-request", "trigger-sampling-request", "get-roots-list");
	}

	@Test
	void listeningStreamOpensOnceTheHandshakeIsComplete() {
		awaitListening();

		// As the reference clients do: the GET follows the server's 202 to the
		// notification.
		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::method, Exchange::rpcMethod)
			.startsWith(tuple("POST", "initialize"), tuple("POST", "notifications/initialized"), tuple("GET", null));
		Exchange listening = exchanges.get(2);
		assertThat(listening.requestHeader("Accept")).isEqualTo("text/event-stream");
		assertThat(listening.requestHeader("MCP-Session-Id")).isEqualTo(this.client.session().sessionId());
		assertThat(listening.requestHeader("MCP-Protocol-Version")).isEqualTo(this.client.session().protocolVersion());
		assertThat(listening.requestHeader("Last-Event-ID")).isNull();
		assertThat(listening.responseHeader("Content-Type")).startsWith("text/event-stream");
	}

	@Test
	void elicitationOnTheToolCallsStreamIsAnsweredByTheHandler() {
		this.handlers.answerElicitation(
				(request) -> ElicitResult.accept(Map.of("name", "Ada Lovelace", "check", true, "integer", 7)));

		CallToolResult result = this.client.callTool("trigger-elicitation-request", Map.of());

		assertThat(this.handlers.elicitations).singleElement().satisfies((received) -> {
			assertThat(received.connectionName()).isEqualTo(CONNECTION);
			ElicitRequest request = received.value();
			assertThat(request.message()).isEqualTo("Please provide inputs for the following fields:");
			assertThat(request.requestedSchema()).containsEntry("type", "object")
				.containsEntry("required", List.of("name"));
			assertThat(request.requestedSchema().get("properties")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsKeys("name", "check", "email", "integer", "untitledSingleSelectEnum");
		});
		assertThat(texts(result)).hasSizeGreaterThanOrEqualTo(2);
		assertThat(texts(result).get(0)).contains("User provided the requested information");
		assertThat(texts(result).get(1)).contains("- Name: Ada Lovelace", "- Agreed to terms: true",
				"- Favorite Integer: 7");
		Exchange answer = onlyResponsePosted();
		JsonNode body = json.readTree(answer.requestBody());
		assertThat(body.path("result").path("action").asString()).isEqualTo("accept");
		assertThat(body.path("result").path("content").path("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.requestHeader("MCP-Session-Id")).isEqualTo(this.client.session().sessionId());
	}

	@Test
	void declinedElicitationIsWhatTheToolSees() {
		this.handlers.answerElicitation((request) -> ElicitResult.decline());

		CallToolResult result = this.client.callTool("trigger-elicitation-request", Map.of());

		assertThat(this.handlers.elicitations).hasSize(1);
		assertThat(texts(result).get(0)).contains("User declined to provide the requested information");
		JsonNode body = json.readTree(onlyResponsePosted().requestBody());
		assertThat(body.path("result").path("action").asString()).isEqualTo("decline");
		assertThat(body.path("result").has("content")).isFalse();
	}

	@Test
	void samplingOnTheToolCallsStreamIsAnsweredByTheHandler() {
		this.handlers.answerSampling("Four, as it happens.");

		CallToolResult result = this.client.callTool("trigger-sampling-request",
				Map.of("prompt", "What is 2 + 2?", "maxTokens", 32));

		assertThat(this.handlers.samplings).singleElement().satisfies((received) -> {
			assertThat(received.connectionName()).isEqualTo(CONNECTION);
			CreateMessageRequest request = received.value();
			assertThat(request.systemPrompt()).isEqualTo("You are a helpful test server.");
			assertThat(request.maxTokens()).isEqualTo(32);
			assertThat(request.temperature()).isEqualTo(0.7);
			assertThat(request.messages()).singleElement().satisfies((message) -> {
				assertThat(message.role()).isEqualTo(Role.USER);
				assertThat(message.content()).singleElement()
					.isInstanceOfSatisfying(TextContent.class, (text) -> assertThat(text.text())
						.isEqualTo("Resource trigger-sampling-request context: What is 2 + 2?"));
			});
		});
		// The tool echoes the client's result as JSON.
		String echoed = Interop.text(result);
		assertThat(echoed).startsWith("LLM sampling result:");
		JsonNode sampled = json.readTree(echoed.substring(echoed.indexOf('{')));
		assertThat(sampled.path("role").asString()).isEqualTo("assistant");
		assertThat(sampled.path("content").path("text").asString()).isEqualTo("Four, as it happens.");
		assertThat(sampled.path("model").asString()).isEqualTo(RecordingHandlers.MODEL);
		assertThat(sampled.path("stopReason").asString()).isEqualTo("endTurn");
	}

	@Test
	void rootsReachTheServerAndAChangeIsFetchedOverTheListeningStream() {
		this.handlers
			.offerRoots(List.of(new Root("file:///srv/projects", "projects"), new Root("file:///tmp/scratch", null)));

		// Whether the server's own request 350 ms after the handshake or one made for the
		// tool delivered them, the tool shows what the provider returned.
		String listed = Interop.text(this.client.callTool("get-roots-list", Map.of()));

		assertThat(listed).contains("Current MCP Roots (2 total)", "1. projects\n   URI: file:///srv/projects",
				"2. Unnamed Root\n   URI: file:///tmp/scratch");
		assertThat(this.handlers.rootsRequests).isNotEmpty().containsOnly(CONNECTION);

		this.handlers.offerRoots(List.of(new Root("file:///home/ada", "home")));
		int asked = this.handlers.rootsRequests.size();
		proxy.clear();
		// The server answers the change with a roots/list of its own; no request of ours
		// is
		// open to carry it, so it comes on the GET stream.
		this.client.notify("notifications/roots/list_changed", null);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(logData()).contains("Roots updated: 1 root(s) received from client"));
		assertThat(this.handlers.rootsRequests).hasSizeGreaterThan(asked);
		// The answer to the server's request of 350 ms after the handshake may still pass
		// the proxy now, on a busy machine; what counts is what follows the notification.
		List<Exchange> exchanges = proxy.exchanges();
		List<String> methods = exchanges.stream().map(Exchange::rpcMethod).toList();
		int notified = methods.indexOf("notifications/roots/list_changed");
		assertThat(notified).isNotNegative();
		assertThat(exchanges.subList(notified + 1, exchanges.size()))
			.filteredOn((exchange) -> exchange.rpcMethod() == null)
			.extracting((exchange) -> json.readTree(exchange.requestBody())
				.path("result")
				.path("roots")
				.get(0)
				.path("uri")
				.asString())
			.contains("file:///home/ada");
		assertThat(Interop.text(this.client.callTool("get-roots-list", Map.of())))
			.contains("Current MCP Roots (1 total)", "1. home\n   URI: file:///home/ada");
	}

	@Test
	void logMessagesArriveOnTheListeningStreamAtTheLevelTheClientSet() {
		String quiet = "demo://resource/dynamic/text/1";
		String loud = "demo://resource/dynamic/text/2";
		awaitListening();

		// The server acknowledges each subscription with an info-level log message.
		this.client.setLoggingLevel(LoggingLevel.ERROR);
		this.client.request("resources/subscribe", new SubscribeRequest(quiet), EmptyResult.class);
		this.client.setLoggingLevel(LoggingLevel.INFO);
		this.client.request("resources/subscribe", new SubscribeRequest(loud), EmptyResult.class);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(logData()).contains("Received Subscribe Resource request for URI: " + loud
					+ " from session " + this.client.session().sessionId()));
		// One stream delivers in order: had the first been sent, it would be here by now.
		assertThat(logData()).noneMatch((data) -> data.contains(quiet));
		assertThat(this.handlers.logs).allSatisfy((received) -> {
			assertThat(received.connectionName()).isEqualTo(CONNECTION);
			assertThat(received.value().level()).isGreaterThanOrEqualTo(LoggingLevel.INFO);
		});
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.handlers.notificationMethods()).contains("notifications/message"));
	}

	@Test
	void simulatedLoggingArrivesOnTheListeningStream() {
		awaitListening();
		this.client.setLoggingLevel(LoggingLevel.DEBUG);

		String started = Interop.text(this.client.callTool("toggle-simulated-logging", Map.of()));
		try {
			assertThat(started).startsWith("Started simulated");
			// One message right away, more every five seconds; one is enough.
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(logData())
					.anyMatch((data) -> data.endsWith("message - SessionId " + this.client.session().sessionId())));
		}
		finally {
			assertThat(Interop.text(this.client.callTool("toggle-simulated-logging", Map.of())))
				.startsWith("Stopped simulated");
		}
	}

	@Test
	void resourceUpdatesOfSubscribedResourcesArriveOnTheListeningStream() {
		String first = "demo://resource/dynamic/text/3";
		String second = "demo://resource/dynamic/blob/4";
		awaitListening();
		this.client.request("resources/subscribe", new SubscribeRequest(first), EmptyResult.class);
		this.client.request("resources/subscribe", new SubscribeRequest(second), EmptyResult.class);

		String started = Interop.text(this.client.callTool("toggle-subscriber-updates", Map.of()));
		try {
			assertThat(started).startsWith("Started simulated resource updated notifications");
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.handlers.updatedResources).extracting(Received::value)
					.contains(first, second));
		}
		finally {
			assertThat(Interop.text(this.client.callTool("toggle-subscriber-updates", Map.of())))
				.startsWith("Stopped simulated resource updates");
		}
		assertThat(this.handlers.updatedResources).extracting(Received::connectionName).containsOnly(CONNECTION);
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(this.handlers.notificationMethods()).contains("notifications/resources/updated"));
	}

	@Test
	void progressOfALongRunningToolReachesTheCallsListener() {
		List<ProgressNotification> progress = new CopyOnWriteArrayList<>();

		CallToolResult result = this.client.callTool("trigger-long-running-operation",
				Map.of("duration", 0.4, "steps", 4), progress::add);

		assertThat(Interop.text(result))
			.isEqualTo("Long running operation completed. Duration: 0.4 seconds, Steps: 4.");
		// Progress comes on the call's own stream, before its result.
		assertThat(progress).extracting(ProgressNotification::progress).containsExactly(1.0, 2.0, 3.0, 4.0);
		assertThat(progress).extracting(ProgressNotification::total).containsOnly(4.0);
		assertThat(progress).extracting(ProgressNotification::progressToken)
			.hasSize(4)
			.containsOnly(progress.get(0).progressToken());
		// The application's listeners hear of it too, on their own time.
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.handlers.progress).extracting(Received::value)
				.containsExactlyElementsOf(progress));
		Exchange call = proxy.exchanges()
			.stream()
			.filter((exchange) -> "tools/call".equals(exchange.rpcMethod()))
			.findFirst()
			.orElseThrow();
		assertThat(json.readTree(call.requestBody()).path("params").path("_meta").path("progressToken").asString())
			.isEqualTo(String.valueOf(progress.get(0).progressToken()));
	}

	// The server drops what it sends while no GET stream is open, so wait for it to be.
	private void awaitListening() {
		this.client.initialize();
		await().atMost(WAIT).until(proxy::listeningStreamAnswered);
	}

	private List<String> logData() {
		return this.handlers.logs.stream().map((received) -> String.valueOf(received.value().data())).toList();
	}

	// The one JSON-RPC response the client POSTed, besides answers to roots/list.
	private Exchange onlyResponsePosted() {
		List<Exchange> responses = proxy.exchanges()
			.stream()
			.filter((exchange) -> "POST".equals(exchange.method()) && exchange.rpcMethod() == null)
			.filter((exchange) -> !json.readTree(exchange.requestBody()).path("result").has("roots"))
			.toList();
		assertThat(responses).hasSize(1);
		return responses.get(0);
	}

	private static List<String> texts(CallToolResult result) {
		assertThat(result.error()).isNotEqualTo(Boolean.TRUE);
		return result.content()
			.stream()
			.filter(TextContent.class::isInstance)
			.map(TextContent.class::cast)
			.map(TextContent::text)
			.toList();
	}

}
