package io.github.mcpclient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.exception.McpTimeoutException;
import io.github.mcpclient.protocol.CreateMessageResult;
import io.github.mcpclient.protocol.ElicitResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.LoggingMessageNotification;
import io.github.mcpclient.protocol.ProgressNotification;
import io.github.mcpclient.protocol.Role;
import io.github.mcpclient.protocol.Root;
import io.github.mcpclient.protocol.TextContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.ECHO_ID;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.posted;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.sse;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Requests and notifications the server sends to the client on a response stream, and
 * what the client tells the server when it gives up on a request.
 */
class ServerMessagesTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private static final String RESULT = "data: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID
			+ ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}}\n\n";

	private McpClient client(McpClientHandlers handlers) {
		return McpWireMock.client(McpWireMock.settings(server), handlers);
	}

	private void serverSendsBeforeTheResult(String... messages) {
		StringBuilder body = new StringBuilder();
		for (String message : messages) {
			body.append("data: ").append(message).append("\n\n");
		}
		server.stubFor(rpc("tools/call").willReturn(sse(body + RESULT)));
		server.stubFor(post(urlEqualTo(McpWireMock.PATH)).withRequestBody(matchingJsonPath("$.id", equalTo("s1")))
			.willReturn(aResponse().withStatus(202)));
	}

	@Test
	void capabilitiesFollowTheHandlers() {
		stubHandshake(server, null);
		client(McpClientHandlers.none()).initialize();
		server.verify(rpcRequested("initialize")
			.withRequestBody(matchingJsonPath("$.params.capabilities", equalToJson("{}"))));

		server.resetRequests();
		client(McpClientHandlers.none()
			.withElicitation((name, request) -> ElicitResult.decline())
			.withRoots((name) -> List.of())
			.withSampling((name, request) -> null)).initialize();
		server.verify(rpcRequested("initialize").withRequestBody(matchingJsonPath("$.params.capabilities",
				equalToJson("{\"elicitation\":{},\"sampling\":{},\"roots\":{\"listChanged\":true}}"))));
	}

	@Test
	void elicitationIsAnsweredByTheHandler() {
		stubHandshake(server, null);
		serverSendsBeforeTheResult("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"elicitation/create\",\"params\":"
				+ "{\"message\":\"Your name?\",\"requestedSchema\":{\"type\":\"object\",\"properties\":"
				+ "{\"name\":{\"type\":\"string\",\"default\":\"Ada\"}}}}}");
		List<String> asked = new CopyOnWriteArrayList<>();
		McpClient client = client(McpClientHandlers.none().withElicitation((connection, request) -> {
			asked.add(connection + ":" + request.message());
			return ElicitResult.accept(Map.of("name", "Grace"));
		}));

		client.callTool("greet", Map.of());

		assertThat(asked).containsExactly("test:Your name?");
		server.verify(posted().withRequestBody(equalToJson(
				"{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{\"action\":\"accept\",\"content\":{\"name\":\"Grace\"}}}")));
	}

	@Test
	void samplingIsAnsweredByTheHandler() {
		stubHandshake(server, null);
		serverSendsBeforeTheResult(
				"{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"sampling/createMessage\",\"params\":"
						+ "{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Hi\"}}],\"maxTokens\":10}}");
		McpClient client = client(McpClientHandlers.none().withSampling((connection, request) -> {
			String prompt = ((TextContent) request.messages().get(0).content().get(0)).text();
			return new CreateMessageResult(Role.ASSISTANT, new TextContent("echo " + prompt), "test-model", "endTurn",
					null);
		}));

		client.callTool("ask", Map.of());

		server.verify(posted().withRequestBody(matchingJsonPath("$.result.content.text", equalTo("echo Hi")))
			.withRequestBody(matchingJsonPath("$.result.model", equalTo("test-model"))));
	}

	@Test
	void rootsAreListedByTheProvider() {
		stubHandshake(server, null);
		serverSendsBeforeTheResult("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"roots/list\"}");
		McpClient client = client(
				McpClientHandlers.none().withRoots((connection) -> List.of(new Root("file:///work", "work"))));

		client.callTool("files", Map.of());

		server.verify(posted().withRequestBody(equalToJson(
				"{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{\"roots\":[{\"uri\":\"file:///work\",\"name\":\"work\"}]}}")));
	}

	@Test
	void requestWithoutHandlerGetsMethodNotFound() {
		stubHandshake(server, null);
		serverSendsBeforeTheResult("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"roots/list\"}");

		client(McpClientHandlers.none()).callTool("files", Map.of());

		server.verify(posted().withRequestBody(matchingJsonPath("$.error.code", equalTo("-32601"))));
	}

	@Test
	void failingHandlerGetsAnInternalErrorAndTheCallGoesOn() {
		stubHandshake(server, null);
		serverSendsBeforeTheResult("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"elicitation/create\",\"params\":"
				+ "{\"message\":\"?\"}}");
		McpClient client = client(McpClientHandlers.none().withElicitation((connection, request) -> {
			throw new IllegalStateException("no user around");
		}));

		assertThat(client.callTool("greet", Map.of()).content()).hasSize(1);
		server.verify(posted().withRequestBody(matchingJsonPath("$.error.code", equalTo("-32603"))));
	}

	@Test
	void malformedRequestParamsGetInvalidParams() {
		stubHandshake(server, null);
		serverSendsBeforeTheResult("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"elicitation/create\",\"params\":"
				+ "{\"requestedSchema\":{}}}");
		McpClient client = client(McpClientHandlers.none().withElicitation((c, r) -> ElicitResult.decline()));

		client.callTool("greet", Map.of());

		server.verify(posted().withRequestBody(matchingJsonPath("$.error.code", equalTo("-32602"))));
	}

	@Test
	void notificationsReachTheListeners() {
		stubHandshake(server, null);
		serverSendsBeforeTheResult("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/updated\",\"params\":{\"uri\":\"file:///a\"}}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"warning\","
						+ "\"logger\":\"db\",\"data\":\"slow\"}}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/custom\",\"params\":{\"x\":1}}");
		List<String> heard = new CopyOnWriteArrayList<>();
		McpNotificationListener failing = new McpNotificationListener() {
			@Override
			public void onToolsListChanged(String connectionName) {
				throw new IllegalStateException("listener bug");
			}
		};
		McpNotificationListener recording = new McpNotificationListener() {

			@Override
			public void onToolsListChanged(String connectionName) {
				heard.add("tools " + connectionName);
			}

			@Override
			public void onResourceUpdated(String connectionName, String uri) {
				heard.add("updated " + uri);
			}

			@Override
			public void onLoggingMessage(String connectionName, LoggingMessageNotification message) {
				heard.add("log " + message.level() + " " + message.logger() + " " + message.data());
			}

			@Override
			public void onNotification(String connectionName, String method, JsonNode params) {
				heard.add("raw " + method);
			}

		};
		McpClient client = client(McpClientHandlers.none().withListeners(List.of(failing, recording)));

		client.callTool("work", Map.of());

		// Listeners are told off the network threads, in the order the server sent.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(heard).containsExactly("tools test", "raw notifications/tools/list_changed",
					"updated file:///a", "raw notifications/resources/updated",
					"log " + LoggingLevel.WARNING + " db slow", "raw notifications/message",
					"raw notifications/custom"));
	}

	@Test
	void progressReachesTheCallsListenerByToken() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(
				sse("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":"
						+ "\"{{jsonPath request.body '$.params._meta.progressToken'}}\",\"progress\":1,\"total\":2,"
						+ "\"message\":\"half\"}}\n\n"
						+ "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":"
						+ "\"someone-else\",\"progress\":9}}\n\n" + RESULT)));
		List<ProgressNotification> progress = new CopyOnWriteArrayList<>();

		client(McpClientHandlers.none()).callTool("slow", Map.of(), progress::add);

		assertThat(progress).singleElement().satisfies((p) -> {
			assertThat(p.progress()).isEqualTo(1.0);
			assertThat(p.total()).isEqualTo(2.0);
			assertThat(p.message()).isEqualTo("half");
		});
		server.verify(rpcRequested("tools/call").withRequestBody(matchingJsonPath("$.params._meta.progressToken")));
	}

	@Test
	void timeoutSendsCancelledWithTheRequestId() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[]}").withFixedDelay(5000)));
		server.stubFor(rpc("notifications/cancelled").willReturn(aResponse().withStatus(202)));
		// The cancellation is sent within the same bound, so it must not be too tight.
		McpClient client = McpWireMock
			.client(McpWireMock.settings(server).toBuilder().requestTimeout(Duration.ofMillis(1500)).build());

		assertThatExceptionOfType(McpTimeoutException.class).isThrownBy(() -> client.callTool("slow", Map.of()));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> server.verify(rpcRequested("notifications/cancelled")
				.withRequestBody(matchingJsonPath("$.params.requestId", equalTo("2")))
				.withRequestBody(matchingJsonPath("$.params.reason", equalTo("timed out after 1500 ms")))));
	}

	@Test
	void cancellingTheSubscriptionSendsCancelled() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[]}").withFixedDelay(5000)));
		server.stubFor(rpc("notifications/cancelled").willReturn(aResponse().withStatus(202)));
		ReactiveMcpClient reactive = McpWireMock.client(McpWireMock.settings(server)).reactive();
		reactive.initialize().block(Duration.ofSeconds(5));

		var subscription = reactive.callTool("slow", Map.of()).subscribe();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> server.verify(rpcRequested("tools/call")));
		subscription.dispose();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> server.verify(rpcRequested("notifications/cancelled")
				.withRequestBody(matchingJsonPath("$.params.reason", equalTo("cancelled by the client")))));
	}

	@Test
	void initializeIsNeverCancelled() {
		server.stubFor(
				rpc("initialize").willReturn(json(McpWireMock.initializeResult("2025-11-25")).withFixedDelay(3000)));
		McpClient client = McpWireMock
			.client(McpWireMock.settings(server).toBuilder().initializeTimeout(Duration.ofMillis(200)).build());

		assertThatExceptionOfType(McpTimeoutException.class).isThrownBy(client::initialize);

		server.verify(0, rpcRequested("notifications/cancelled"));
	}

}
