package io.github.mcpclient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mcpclient.exception.McpServerBusyException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.Era;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Failures the application never sees: a server that is not up yet, and a server that
 * asks the client to come back later.
 */
class RecoveryTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private static final String TOOL_RESULT = "{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}";

	private McpClient client() {
		return McpWireMock
			.client(McpWireMock.settings(server).toBuilder().requestTimeout(Duration.ofSeconds(10)).build());
	}

	private static void busyOnce(String method, String retryAfter, String result) {
		server.stubFor(rpc(method).inScenario(method)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", retryAfter))
			.willSetStateTo("recovered"));
		server.stubFor(rpc(method).inScenario(method).whenScenarioStateIs("recovered").willReturn(json(result)));
	}

	@Test
	void aServerThatComesUpWithinTheDeadlineCostsTheCallerNothing() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		WireMockServer late = new WireMockServer(options().port(port));
		McpClient client = McpWireMock
			.client(McpClientSettings.builder("late", URI.create("http://127.0.0.1:" + port + "/mcp"))
				.era(Era.LEGACY)
				.initializeTimeout(Duration.ofSeconds(20))
				.build());
		try {
			startOnceRefused(client, late);

			assertThat(client.initialize().protocolVersion()).isEqualTo("2025-11-25");
			assertThat(client.statistics().retries()).isPositive();
			assertThat(client.statistics().failures()).isZero();
		}
		finally {
			late.stop();
		}
	}

	// The server starts only after the client has been refused at least once.
	private static void startOnceRefused(McpClient client, WireMockServer late) {
		Schedulers.boundedElastic().schedule(() -> {
			await().atMost(Duration.ofSeconds(15)).until(() -> client.statistics().retries() > 0);
			late.stubFor(rpc("initialize").willReturn(json(McpWireMock.initializeResult("2025-11-25"))));
			late.stubFor(rpc("notifications/initialized").willReturn(aResponse().withStatus(202)));
			late.start();
		});
	}

	@Test
	void aListingIsSentAgainAfterTheServerAskedToComeBackLater() {
		stubHandshake(server, null);
		busyOnce("tools/list", "0", McpWireMock.TOOLS);
		McpClient client = client();

		assertThat(client.listTools().tools()).hasSize(1);
		server.verify(2, rpcRequested("tools/list"));
		assertThat(client.statistics().retries()).isEqualTo(1);
	}

	@Test
	void aListingIsSentAgainAsOftenAsTheServerAsksWithinTheDeadline() {
		stubHandshake(server, null);
		String method = "prompts/list";
		server.stubFor(rpc(method).inScenario(method)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
			.willSetStateTo("busy again"));
		server.stubFor(rpc(method).inScenario(method)
			.whenScenarioStateIs("busy again")
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
			.willSetStateTo("recovered"));
		server.stubFor(
				rpc(method).inScenario(method).whenScenarioStateIs("recovered").willReturn(json("{\"prompts\":[]}")));
		McpClient client = client();

		assertThat(client.listPrompts(null).prompts()).isEmpty();
		server.verify(3, rpcRequested(method));
		assertThat(client.statistics().retries()).isEqualTo(2);
	}

	@Test
	void theServersRetryAfterIsWaited() {
		stubHandshake(server, null);
		busyOnce("resources/read", "1", "{\"contents\":[]}");
		McpClient client = client();
		client.initialize();
		long started = System.nanoTime();

		client.readResource("file:///a");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		server.verify(2, rpcRequested("resources/read"));
	}

	@Test
	void aToolCallIsNotRepeatedAndTheCallerLearnsWhenToComeBack() {
		stubHandshake(server, null);
		busyOnce("tools/call", "7", TOOL_RESULT);
		McpClient client = client();

		assertThatExceptionOfType(McpServerBusyException.class).isThrownBy(() -> client.callTool("add", Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo(503);
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
				assertThat(ex.getMessage()).contains("'test'", "'tools/call'", "503");
			});
		server.verify(1, rpcRequested("tools/call"));
	}

	@Test
	void aConnectionMayAllowToolCallsToBeRepeated() {
		stubHandshake(server, null);
		busyOnce("tools/call", "0", TOOL_RESULT);
		McpClient client = McpWireMock.client(McpWireMock.settings(server)
			.toBuilder()
			.retry(new McpClientSettings.Retry(true, Duration.ofMillis(50), Duration.ofSeconds(1), true))
			.build());

		CallToolResult result = client.callTool("add", Map.of());

		assertThat(result.isError()).isFalse();
		server.verify(2, rpcRequested("tools/call"));
	}

	@Test
	void aRetryAfterBeyondTheDeadlineFailsAtOnceWithIt() {
		stubHandshake(server, null);
		busyOnce("prompts/list", "3600", "{\"prompts\":[]}");
		McpClient client = client();

		assertThatExceptionOfType(McpServerBusyException.class).isThrownBy(() -> client.listPrompts(null))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofHours(1)));
		server.verify(1, rpcRequested("prompts/list"));
	}

}
