package io.github.mcpclient.interop;

import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our client against a stateful TypeScript SDK v1 server in JSON-response mode
 * ({@code enableJsonResponse}): every request is answered with one
 * {@code application/json} body instead of an SSE stream.
 */
class SdkV1JsonResponseServerTests {

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.sdkV1("json");

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	@Test
	void listsAndCallsToolsOverPlainJsonResponses() {
		String sessionId;
		try (McpClient client = Interop.client("sdk-v1-json", proxy.url("/mcp"))) {
			assertThat(client.listAllTools()).extracting(Tool::name).contains("add_numbers", "echo");
			assertThat(Interop.text(client.callTool("add_numbers", Map.of("a", 2, "b", 3)))).isEqualTo("5");
			assertThat(Interop.text(client.callTool("echo", Map.of("message", "json mode")))).isEqualTo("json mode");
			sessionId = client.session().sessionId();
			assertThat(sessionId).isNotBlank();
		}

		List<Exchange> requests = proxy.exchanges().stream().filter((e) -> e.rpcMethod() != null).toList();
		assertThat(requests).extracting(Exchange::rpcMethod)
			.containsExactly("initialize", "notifications/initialized", "tools/list", "tools/call", "tools/call");
		// Proves the mode: answers to requests were JSON bodies, not event streams.
		assertThat(requests).filteredOn((e) -> e.status() == 200)
			.allSatisfy((e) -> assertThat(e.responseHeader("Content-Type")).startsWith("application/json"));
		assertThat(requests.subList(1, requests.size()))
			.allSatisfy((e) -> assertThat(e.requestHeader("MCP-Session-Id")).isEqualTo(sessionId));
	}

}
