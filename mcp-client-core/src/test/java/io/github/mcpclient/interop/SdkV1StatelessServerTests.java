package io.github.mcpclient.interop;

import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.ProtocolVersion;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our client against a stateless TypeScript SDK v1 server (no session id generator): a
 * legacy handshake, but no session, so no session header may be sent and closing sends no
 * DELETE.
 */
class SdkV1StatelessServerTests {

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.sdkV1("stateless");

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	@Test
	void listsAndCallsToolsWithoutASession() {
		try (McpClient client = Interop.client("sdk-v1-stateless", proxy.url("/mcp"))) {
			assertThat(client.listAllTools()).extracting(Tool::name).contains("add_numbers", "echo");
			assertThat(Interop.text(client.callTool("add_numbers", Map.of("a", 2, "b", 3)))).isEqualTo("5");
			assertThat(client.session().sessionId()).isNull();
			assertThat(client.session().state()).isEqualTo(SessionState.READY);
			assertThat(client.session().protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
		}

		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.containsExactly("initialize", "notifications/initialized", "tools/list", "tools/call");
		assertThat(exchanges).allSatisfy((e) -> {
			assertThat(e.responseHeader("MCP-Session-Id")).isNull();
			assertThat(e.requestHeader("MCP-Session-Id")).isNull();
		});
		assertThat(exchanges.subList(1, exchanges.size())).allSatisfy(
				(e) -> assertThat(e.requestHeader("MCP-Protocol-Version")).isEqualTo(ProtocolVersion.V2025_11_25));
	}

}
