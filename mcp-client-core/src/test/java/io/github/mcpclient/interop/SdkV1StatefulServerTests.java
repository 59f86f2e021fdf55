package io.github.mcpclient.interop;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.ProtocolVersion;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our client against a stateful Streamable HTTP server on the TypeScript SDK v1
 * ({@code sdk-v1-server.mjs stateful}): SSE answers, a session id, 404 for a session it
 * does not know. Traffic goes through a {@link RecordingProxy} so the headers on the wire
 * can be checked.
 */
class SdkV1StatefulServerTests {

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.sdkV1("stateful");

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	@Test
	void initializesListsAndCallsTools() {
		try (McpClient client = Interop.client("sdk-v1-stateful", server.endpoint())) {
			InitializeResult init = client.initialize();

			assertThat(init.protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
			assertThat(init.serverInfo().name()).isEqualTo("interop-sdk-v1-stateful");
			McpSession session = client.session();
			assertThat(session.state()).isEqualTo(SessionState.READY);
			assertThat(session.sessionId()).isNotBlank();
			assertThat(session.protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
			assertThat(client.listAllTools()).extracting(Tool::name).contains("add_numbers", "echo");
			assertThat(Interop.text(client.callTool("add_numbers", Map.of("a", 2, "b", 3)))).isEqualTo("5");
			assertThat(Interop.text(client.callTool("echo", Map.of("message", "héllo \"wörld\"\n"))))
				.isEqualTo("héllo \"wörld\"\n");
			client.ping();
		}
	}

	@Test
	void sendsSessionIdAndProtocolVersionOnEveryRequestAfterInitialize() {
		String sessionId;
		try (McpClient client = Interop.client("sdk-v1-stateful", proxy.url("/mcp"))) {
			client.listAllTools();
			client.callTool("add_numbers", Map.of("a", 2, "b", 3));
			client.ping();
			sessionId = client.session().sessionId();
		}

		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.containsExactly("initialize", "notifications/initialized", "tools/list", "tools/call", "ping", null);
		Exchange initialize = exchanges.get(0);
		assertThat(initialize.requestHeader("MCP-Session-Id")).isNull();
		assertThat(initialize.requestHeader("MCP-Protocol-Version")).isNull();
		// The SDK names the header in lower case; the client must read it all the same.
		assertThat(initialize.responseHeaderSpelling("MCP-Session-Id")).isEqualTo("mcp-session-id");
		assertThat(initialize.responseHeader("MCP-Session-Id")).isEqualTo(sessionId);
		for (Exchange exchange : exchanges.subList(1, exchanges.size())) {
			assertThat(exchange.requestHeader("MCP-Session-Id")).as("session id on %s", exchange).isEqualTo(sessionId);
			assertThat(exchange.requestHeader("MCP-Protocol-Version")).as("protocol version on %s", exchange)
				.isEqualTo(ProtocolVersion.V2025_11_25);
			assertThat(exchange.requestHeaderSpelling("MCP-Session-Id")).isEqualTo("MCP-Session-Id");
			assertThat(exchange.requestHeaderSpelling("MCP-Protocol-Version")).isEqualTo("MCP-Protocol-Version");
		}
		assertThat(exchanges.get(1).status()).isEqualTo(202);
		Exchange close = exchanges.get(exchanges.size() - 1);
		assertThat(close.method()).isEqualTo("DELETE");
		assertThat(close.status()).isEqualTo(200);
	}

	@Test
	void closeEndsTheSessionOnTheServer() throws Exception {
		McpClient client = Interop.client("sdk-v1-stateful", server.endpoint());
		client.initialize();
		String sessionId = client.session().sessionId();
		HttpResponse<String> before = Interop.postToolsList(server.endpoint(), sessionId, ProtocolVersion.V2025_11_25);
		assertThat(before.statusCode()).isEqualTo(200);

		client.close();

		assertThat(client.session().sessionId()).isNull();
		assertThat(client.session().state()).isEqualTo(SessionState.CLOSED);
		HttpResponse<String> after = Interop.postToolsList(server.endpoint(), sessionId, ProtocolVersion.V2025_11_25);
		assertThat(after.statusCode()).isEqualTo(404);
		assertThat(after.body()).contains("-32001");
	}

	@Test
	void aCallAfterAServerRestartIsAnsweredOnANewSession() {
		try (McpClient client = Interop.client("sdk-v1-stateful", proxy.url("/mcp"))) {
			assertThat(Interop.text(client.callTool("add_numbers", Map.of("a", 1, "b", 1)))).isEqualTo("2");
			String oldSession = client.session().sessionId();

			server.restart();
			proxy.clear();

			CallToolResult retried = client.callTool("add_numbers", Map.of("a", 2, "b", 3));

			assertThat(Interop.text(retried)).isEqualTo("5");
			String newSession = client.session().sessionId();
			assertThat(newSession).isNotBlank().isNotEqualTo(oldSession);
			List<Exchange> exchanges = proxy.exchanges();
			assertThat(exchanges).extracting(Exchange::rpcMethod)
				.containsExactly("tools/call", "initialize", "notifications/initialized", "tools/call");
			assertThat(exchanges).extracting(Exchange::status).containsExactly(404, 200, 202, 200);
			assertThat(exchanges.get(0).requestHeader("MCP-Session-Id")).isEqualTo(oldSession);
			assertThat(exchanges.get(1).requestHeader("MCP-Session-Id")).isNull();
			assertThat(exchanges.get(3).requestHeader("MCP-Session-Id")).isEqualTo(newSession);
		}
	}

	@Test
	void concurrentCallsThatSeeTheSessionExpireShareOneNewSessionAndAreAllAnswered() {
		try (McpClient client = Interop.client("sdk-v1-stateful", proxy.url("/mcp"))) {
			client.initialize();
			server.restart();
			proxy.clear();

			List<String> results = Flux.range(0, 4)
				.flatMap((i) -> client.reactive().callTool("add_numbers", Map.of("a", i, "b", 1)).map(Interop::text))
				.collectList()
				.block(Interop.TIMEOUT);

			assertThat(results).containsExactlyInAnyOrder("1", "2", "3", "4");
			assertThat(proxy.exchanges()).filteredOn((exchange) -> "initialize".equals(exchange.rpcMethod()))
				.hasSize(1);
		}
	}

}
