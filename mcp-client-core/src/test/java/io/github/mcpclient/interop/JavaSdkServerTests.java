package io.github.mcpclient.interop;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.ProtocolVersion;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our client against the official MCP Java SDK's stateful servlet server in an embedded
 * Tomcat: session id on initialize, 202 for notifications, SSE for requests, DELETE ends
 * the session and a deleted session gets 404.
 */
class JavaSdkServerTests {

	@RegisterExtension
	static final JavaSdkMcpServer server = new JavaSdkMcpServer();

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	@Test
	void initializesListsCallsAndCloses() {
		String sessionId;
		String version;
		try (McpClient client = Interop.client("java-sdk", proxy.url(JavaSdkMcpServer.PATH))) {
			InitializeResult init = client.initialize();
			assertThat(init.serverInfo().name()).isEqualTo("interop-java-sdk");
			assertThat(ProtocolVersion.LEGACY_SUPPORTED).contains(init.protocolVersion());
			assertThat(client.listAllTools()).extracting(Tool::name).containsExactlyInAnyOrder("add_numbers", "echo");
			assertThat(Interop.text(client.callTool("add_numbers", Map.of("a", 2, "b", 3)))).isEqualTo("5");
			assertThat(Interop.text(client.callTool("echo", Map.of("message", "from java")))).isEqualTo("from java");
			sessionId = client.session().sessionId();
			version = client.session().protocolVersion();
			assertThat(sessionId).isNotBlank();
		}

		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.containsExactly("initialize", "notifications/initialized", "tools/list", "tools/call", "tools/call", null);
		Exchange initialize = exchanges.get(0);
		assertThat(initialize.requestHeader("MCP-Session-Id")).isNull();
		assertThat(initialize.requestHeader("MCP-Protocol-Version")).isNull();
		assertThat(initialize.responseHeader("MCP-Session-Id")).isEqualTo(sessionId);
		assertThat(exchanges.subList(1, exchanges.size())).allSatisfy((exchange) -> {
			assertThat(exchange.requestHeader("MCP-Session-Id")).isEqualTo(sessionId);
			assertThat(exchange.requestHeader("MCP-Protocol-Version")).isEqualTo(version);
		});
		assertThat(exchanges.get(1).status()).isEqualTo(202);
		Exchange delete = exchanges.get(exchanges.size() - 1);
		assertThat(delete.method()).isEqualTo("DELETE");
		assertThat(delete.status()).isEqualTo(200);
	}

	@Test
	void aClosedSessionIsGoneOnTheServer() throws Exception {
		McpClient client = Interop.client("java-sdk", server.endpoint());
		client.initialize();
		String sessionId = client.session().sessionId();
		String version = client.session().protocolVersion();

		client.close();

		HttpResponse<String> after = Interop.postToolsList(server.endpoint(), sessionId, version);
		assertThat(after.statusCode()).isEqualTo(404);
	}

	@Test
	void aCallOnASessionDeletedBehindTheClientsBackIsAnsweredOnANewOne() throws Exception {
		try (McpClient client = Interop.client("java-sdk", proxy.url(JavaSdkMcpServer.PATH))) {
			client.initialize();
			String oldSession = client.session().sessionId();
			String version = client.session().protocolVersion();
			assertThat(Interop.deleteSession(server.endpoint(), oldSession, version).statusCode()).isEqualTo(200);
			proxy.clear();

			assertThat(Interop.text(client.callTool("add_numbers", Map.of("a", 2, "b", 3)))).isEqualTo("5");
			assertThat(client.session().state()).isEqualTo(SessionState.READY);
			assertThat(client.statistics().failures()).isZero();
			assertThat(client.session().sessionId()).isNotBlank().isNotEqualTo(oldSession);
			assertThat(proxy.exchanges()).extracting(Exchange::rpcMethod)
				.containsExactly("tools/call", "initialize", "notifications/initialized", "tools/call");
			assertThat(proxy.exchanges()).extracting(Exchange::status).containsExactly(404, 200, 202, 200);
		}
	}

}
