package io.github.mcpclient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.PATH;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.sse;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Resuming a response stream that ended early, and the optional GET stream for messages
 * the server sends on its own.
 */
class StreamResumptionTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private static final String SESSION = "resume-session-0001";

	// The handshake takes id 1, so the first call is request 2.
	private static final String CALL_RESULT = "id: e2\ndata: {\"jsonrpc\":\"2.0\",\"id\":2,\"result\":"
			+ "{\"content\":[{\"type\":\"text\",\"text\":\"resumed\"}]}}\n\n";

	@Test
	void streamEndingAfterPrimingIsResumedWithLastEventId() {
		stubHandshake(server, SESSION);
		server.stubFor(rpc("tools/call").willReturn(sse("id: e1\nretry: 50\ndata:\n\n")));
		server.stubFor(get(urlEqualTo(PATH)).withHeader("Last-Event-ID", equalTo("e1")).willReturn(sse(CALL_RESULT)));

		var result = McpWireMock.blockingClient(server).callTool("slow", Map.of());

		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("resumed");
		server.verify(1,
				getRequestedFor(urlEqualTo(PATH)).withHeader("Last-Event-ID", equalTo("e1"))
					.withHeader("Accept", equalTo("text/event-stream"))
					.withHeader("MCP-Session-Id", equalTo(SESSION))
					.withHeader("MCP-Protocol-Version", equalTo("2025-11-25")));
	}

	@Test
	void resumptionsAreBounded() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(sse("id: e1\nretry: 10\ndata:\n\n")));
		server.stubFor(get(urlEqualTo(PATH)).willReturn(sse("id: e1\nretry: 10\ndata:\n\n")));
		McpClient client = McpWireMock.client(
				McpWireMock.settings(server).toBuilder().limits(new McpClientSettings.Limits(65536, 65536, 2)).build());

		assertThatExceptionOfType(McpTransportException.class).isThrownBy(() -> client.callTool("slow", Map.of()))
			.withMessageContaining("'tools/call'")
			.withMessageContaining("ended 3 times");
		server.verify(2, getRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void streamWithoutEventIdsCannotBeResumed() {
		stubHandshake(server, null);
		server
			.stubFor(rpc("tools/call").willReturn(sse("retry: 10\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"x\"}\n\n")));

		assertThatExceptionOfType(McpInvalidResponseException.class)
			.isThrownBy(() -> McpWireMock.blockingClient(server).callTool("slow", Map.of()))
			.withMessageContaining("without answering");
		server.verify(0, getRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void listeningStreamDeliversServerMessagesAndIsReopenedWhereItEnded() {
		stubHandshake(server, SESSION);
		server.stubFor(get(urlEqualTo(PATH)).withHeader("Last-Event-ID", absent())
			.willReturn(
					sse("id: g1\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n")));
		server.stubFor(get(urlEqualTo(PATH)).withHeader("Last-Event-ID", equalTo("g1"))
			.willReturn(sse("id: g2\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/prompts/list_changed\"}\n\n")
				.withFixedDelay(200)));
		List<String> heard = new CopyOnWriteArrayList<>();
		McpClient client = listeningClient(new McpNotificationListener() {
			@Override
			public void onNotification(String connectionName, String method, tools.jackson.databind.JsonNode params) {
				heard.add(method);
			}
		});

		client.initialize();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(heard).startsWith("notifications/tools/list_changed",
					"notifications/prompts/list_changed"));
		server.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("MCP-Session-Id", equalTo(SESSION))
			.withHeader("Last-Event-ID", absent()));
		client.close();
	}

	@Test
	void listeningStreamOpensOnlyOnceTheServerTookTheInitializedNotification() {
		stubHandshake(server, SESSION);
		server.stubFor(rpc("notifications/initialized").inScenario("lifecycle")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("initialized")
			.willReturn(aResponse().withStatus(202)));
		// A GET that overtakes the notification is refused for good; one after it is
		// served.
		server.stubFor(get(urlEqualTo(PATH)).inScenario("lifecycle")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(405)));
		server.stubFor(get(urlEqualTo(PATH)).inScenario("lifecycle")
			.whenScenarioStateIs("initialized")
			.willReturn(
					sse("id: g1\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n")));
		List<String> heard = new CopyOnWriteArrayList<>();
		McpClient client = listeningClient(new McpNotificationListener() {
			@Override
			public void onToolsListChanged(String connectionName) {
				heard.add(connectionName);
			}
		});

		client.initialize();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heard).isNotEmpty());
		client.close();
	}

	@Test
	void serverWithoutListeningStreamIsNotAskedAgain() {
		stubHandshake(server, null);
		server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(405)));
		server.stubFor(rpc("ping").willReturn(json("{}")));
		McpClient client = listeningClient(new McpNotificationListener() {
		});

		client.initialize();

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> server.findAll(getRequestedFor(urlEqualTo(PATH))).size() == 1);
		client.ping();
	}

	@Test
	void expiryOnTheListeningStreamMakesTheNextCallReinitialize() {
		stubHandshake(server, SESSION);
		server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
		server.stubFor(rpc("ping").willReturn(json("{}")));
		McpClient client = listeningClient(new McpNotificationListener() {
		});

		client.initialize();
		await().atMost(Duration.ofSeconds(5)).until(() -> client.session().state() == SessionState.EXPIRED);
		server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(405)));
		client.ping();

		server.verify(2, rpcRequested("initialize"));
	}

	private McpClient listeningClient(McpNotificationListener listener) {
		return McpWireMock.client(McpWireMock.settings(server).toBuilder().listen(true).build(),
				McpClientHandlers.none().withListeners(List.of(listener)));
	}

}
