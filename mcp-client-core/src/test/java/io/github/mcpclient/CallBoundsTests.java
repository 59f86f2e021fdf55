package io.github.mcpclient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.exception.McpTimeoutException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.Era;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static io.github.mcpclient.EraNegotiationTests.DISCOVER_RESULT;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What every call may rely on: it ends within the bound the user configured, whatever the
 * server does, and it sends the arguments it was given, nulls included.
 */
class CallBoundsTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	// Far longer than any timeout below: a server that, for the test, never answers.
	private static final int NEVER = 10_000;

	@Test
	void aNotificationTheServerNeverAcceptsEndsWithinTheRequestTimeout() {
		stubHandshake(server, null);
		server.stubFor(rpc("notifications/custom").willReturn(aResponse().withStatus(202).withFixedDelay(NEVER)));
		McpClient client = McpWireMock
			.client(McpWireMock.settings(server).toBuilder().requestTimeout(Duration.ofMillis(500)).build());
		client.initialize();

		assertTimeoutPreemptively(Duration.ofMillis(NEVER - 2000),
				() -> assertThatExceptionOfType(McpTimeoutException.class)
					.isThrownBy(() -> client.notify("notifications/custom", Map.of()))
					.withMessageContaining("'notifications/custom'"));
	}

	@Test
	void inputRoundsTogetherEndWithinTheRequestTimeout() {
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));
		// Each round is quick enough on its own; ten of them are not.
		server.stubFor(rpc("tools/call")
			.willReturn(json("{\"resultType\":\"input_required\",\"requestState\":\"again\"}").withFixedDelay(200)));
		McpClient client = McpWireMock.client(
				McpWireMock.settings(server).toBuilder().era(Era.MODERN).requestTimeout(Duration.ofSeconds(1)).build());

		assertThatExceptionOfType(McpTimeoutException.class).isThrownBy(() -> client.callTool("loop", Map.of()))
			.withMessageContaining("'tools/call'");
	}

	@Test
	void nullArgumentValuesAreSentAsJsonNull() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}")));
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("city", "Oslo");
		arguments.put("unit", null);

		CallToolResult result = McpWireMock.blockingClient(server).callTool("forecast", arguments);

		assertThat(result.isError()).isFalse();
		// The whole body: WireMock drops null members from what a JSON path extracts.
		server.verify(rpcRequested("tools/call").withRequestBody(
				equalToJson("{\"params\":{\"arguments\":{\"city\":\"Oslo\",\"unit\":null}}}", true, true)));
	}

}
