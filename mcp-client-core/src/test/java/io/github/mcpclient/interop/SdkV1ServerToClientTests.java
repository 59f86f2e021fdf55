package io.github.mcpclient.interop;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.interop.RecordingHandlers.Received;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.ElicitResult;
import io.github.mcpclient.protocol.LoggingMessageNotification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Server requests and notifications from a stateful server on the TypeScript SDK v1
 * ({@code sdk-v1-server.mjs stateful}). The SDK sends what belongs to a client request on
 * that request's response stream and everything else on the session's GET stream, which
 * it drops when the client has none open; these tests show both routes, and why a client
 * with handlers listens.
 */
class SdkV1ServerToClientTests {

	private static final String CONNECTION = "sdk-v1-stateful";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.sdkV1("stateful");

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	private final RecordingHandlers handlers = new RecordingHandlers();

	@Test
	void elicitationThatBelongsToTheCallComesOnItsResponseStream() {
		this.handlers.answerElicitation((request) -> ElicitResult.accept(Map.of("confirmed", true)));
		try (McpClient client = client(false)) {
			assertThat(Interop.text(client.callTool("confirm", Map.of("action", "the deployment"))))
				.isEqualTo("accept {\"confirmed\":true}");

			this.handlers.answerElicitation((request) -> new ElicitResult(ElicitResult.Action.CANCEL, null, null));
			assertThat(Interop.text(client.callTool("confirm", Map.of("action", "the rollback")))).isEqualTo("cancel");
		}

		assertThat(this.handlers.elicitations).extracting(Received::connectionName).containsOnly(CONNECTION);
		assertThat(this.handlers.elicitations).extracting(Received::value)
			.extracting(ElicitRequest::message)
			.containsExactly("Go ahead with the deployment?", "Go ahead with the rollback?");
		assertThat(this.handlers.elicitations.get(0).value().requestedSchema()).containsEntry("required",
				List.of("confirmed"));
		// No GET stream: the requests came on the tools/call streams and were answered by
		// POST.
		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::method).doesNotContain("GET");
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.containsExactly("initialize", "notifications/initialized", "tools/call", null, "tools/call", null, null);
		JsonNode accepted = json.readTree(exchanges.get(3).requestBody());
		assertThat(accepted.path("result").path("action").asString()).isEqualTo("accept");
		assertThat(accepted.path("result").path("content").path("confirmed").asBoolean()).isTrue();
		assertThat(exchanges.get(3).status()).isEqualTo(202);
		assertThat(exchanges.get(6).method()).isEqualTo("DELETE");
	}

	@Test
	void elicitationOutsideAnyCallComesOnTheListeningStream() {
		this.handlers.answerElicitation((request) -> ElicitResult.accept(Map.of("confirmed", false)));
		try (McpClient client = client(true)) {
			client.initialize();
			// What the server sends while no GET stream is open is lost.
			await().atMost(WAIT).until(proxy::listeningStreamAnswered);

			assertThat(Interop.text(client.callTool("confirm_aside", Map.of("action", "the migration"))))
				.isEqualTo("accept {\"confirmed\":false}");
		}

		assertThat(this.handlers.elicitations).singleElement().satisfies((received) -> {
			assertThat(received.connectionName()).isEqualTo(CONNECTION);
			assertThat(received.value().message()).isEqualTo("Go ahead with the migration? (asked aside)");
		});
		// The GET stream was open before the call, and carried the request.
		assertThat(proxy.exchanges()).extracting(Exchange::method, Exchange::rpcMethod)
			.startsWith(tuple("POST", "initialize"), tuple("POST", "notifications/initialized"), tuple("GET", null),
					tuple("POST", "tools/call"), tuple("POST", null));
	}

	@Test
	void withoutAListeningStreamTheServerDropsWhatBelongsToNoCall() {
		this.handlers.answerElicitation((request) -> ElicitResult.accept(Map.of("confirmed", true)));
		try (McpClient client = client(false)) {
			// The server gives up waiting for an answer that cannot come.
			assertThat(Interop.text(client.callTool("confirm_aside", Map.of("action", "the purge", "timeoutMs", 500))))
				.startsWith("no answer:")
				.containsIgnoringCase("timed out");
		}

		assertThat(this.handlers.elicitations).isEmpty();
		assertThat(proxy.exchanges()).extracting(Exchange::method).doesNotContain("GET");
	}

	@Test
	void notificationsOutsideAnyCallComeOnTheListeningStream() {
		try (McpClient client = client(true)) {
			client.initialize();
			// What the server sends while no GET stream is open is lost.
			await().atMost(WAIT).until(proxy::listeningStreamAnswered);

			assertThat(Interop.text(client.callTool("announce", Map.of("message", "hello")))).isEqualTo("announced");

			// What belongs to the call comes on its response stream, the rest on the GET
			// stream; listeners hear either off the network threads, possibly after the
			// call has returned.
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(logData()).contains("hello (with the call)", "hello (aside)");
				assertThat(this.handlers.toolListChanges).containsExactly(CONNECTION);
			});
		}
		assertThat(this.handlers.logs).extracting(Received::value)
			.extracting(LoggingMessageNotification::logger)
			.containsExactlyInAnyOrder("call", "aside");
	}

	@Test
	void notificationsThatBelongToTheCallArriveWithoutListening() {
		try (McpClient client = client(false)) {
			assertThat(Interop.text(client.callTool("announce", Map.of("message", "quiet")))).isEqualTo("announced");

			// Listeners may hear it after the call has returned.
			await().atMost(WAIT).untilAsserted(() -> assertThat(logData()).contains("quiet (with the call)"));
		}
	}

	private McpClient client(boolean listen) {
		return Interop.client(Interop.settings(CONNECTION, proxy.url("/mcp")).toBuilder().listen(listen).build(),
				this.handlers.all());
	}

	private List<String> logData() {
		return this.handlers.logs.stream().map((received) -> String.valueOf(received.value().data())).toList();
	}

}
