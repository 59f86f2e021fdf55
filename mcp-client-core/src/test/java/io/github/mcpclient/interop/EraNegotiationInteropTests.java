package io.github.mcpclient.interop;

import java.util.List;
import java.util.Map;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.exception.UnsupportedProtocolVersionException;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.ProtocolVersion;
import io.github.mcpclient.protocol.Tool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The same client code, with the era left to choose itself, against real servers of both
 * eras: it probes with {@code server/discover}, falls back to the legacy handshake where
 * the server does not speak the modern era, remembers the verdict per origin, and follows
 * an era pinned in its settings without probing.
 */
class EraNegotiationInteropTests {

	@RegisterExtension
	static final NodeMcpServer stateful = NodeMcpServer.sdkV1("stateful");

	@RegisterExtension
	static final NodeMcpServer stateless = NodeMcpServer.sdkV1("stateless");

	@RegisterExtension
	static final NodeMcpServer dual = NodeMcpServer.sdkV2("dual");

	@RegisterExtension
	static final NodeMcpServer modern = NodeMcpServer.sdkV2("modern");

	private final EraVerdicts verdicts = EraVerdicts.inMemory();

	private @Nullable RecordingProxy proxy;

	@AfterEach
	void stopProxy() {
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	private RecordingProxy proxyTo(NodeMcpServer server) {
		this.proxy = RecordingProxy.to(server.baseUri());
		return this.proxy;
	}

	// What an application writes, whatever the server: no era in the settings.
	private McpClient client(RecordingProxy proxy, @Nullable Era era) {
		return Interop.client(Interop.settings("negotiating", proxy.url("/mcp")).toBuilder().era(era).build(),
				McpClientHandlers.none(), this.verdicts);
	}

	private static void useTools(McpClient client) {
		assertThat(client.listAllTools()).extracting(Tool::name).contains("add_numbers");
		assertThat(Interop.text(client.callTool("add_numbers", Map.of("a", 2, "b", 3)))).isEqualTo("5");
	}

	@Test
	void fallsBackToALegacySessionAgainstAStatefulV1Server() {
		RecordingProxy proxy = proxyTo(stateful);
		try (McpClient client = client(proxy, null)) {
			useTools(client);
			assertThat(client.session().era()).isEqualTo(Era.LEGACY);
			assertThat(client.session().protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
			assertThat(client.session().sessionId()).isNotNull();
		}
		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.containsSubsequence("server/discover", "initialize", "notifications/initialized", "tools/list",
					"tools/call");
		assertProbeRefused(exchanges.get(0));
		assertLegacyAfterProbe(exchanges);
		assertThat(exchanges).filteredOn((exchange) -> "DELETE".equals(exchange.method()))
			.singleElement()
			.satisfies((delete) -> assertThat(delete.requestHeader("MCP-Session-Id")).isNotNull());
		assertThat(this.verdicts.get(proxy.url("/mcp"))).isEqualTo(Era.LEGACY);
	}

	@Test
	void fallsBackToTheLegacyHandshakeWithoutSessionAgainstAStatelessV1Server() {
		RecordingProxy proxy = proxyTo(stateless);
		try (McpClient client = client(proxy, null)) {
			useTools(client);
			assertThat(client.session().era()).isEqualTo(Era.LEGACY);
			assertThat(client.session().protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
			assertThat(client.session().sessionId()).isNull();
		}
		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.containsExactly("server/discover", "initialize", "notifications/initialized", "tools/list", "tools/call");
		assertProbeRefused(exchanges.get(0));
		assertLegacyAfterProbe(exchanges);
		assertThat(exchanges).extracting(Exchange::method).containsOnly("POST");
	}

	@Test
	void choosesTheModernEraAgainstAServerThatSpeaksBoth() {
		RecordingProxy proxy = proxyTo(dual);
		try (McpClient client = client(proxy, null)) {
			useTools(client);
			assertThat(client.session().era()).isEqualTo(Era.MODERN);
			assertThat(client.session().protocolVersion()).isEqualTo(ProtocolVersion.V2026_07_28);
			assertThat(client.session().sessionId()).isNull();
			assertThat(client.session().serverInfo().name()).isEqualTo("interop-sdk-v2-dual");
			assertThat(Interop.text(client.callTool("server_era", Map.of()))).isEqualTo("modern");
		}
		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.startsWith("server/discover")
			.doesNotContain("initialize", "notifications/initialized");
		assertThat(exchanges).allSatisfy((exchange) -> {
			assertThat(exchange.method()).isEqualTo("POST");
			assertThat(exchange.requestHeader("MCP-Protocol-Version")).isEqualTo(ProtocolVersion.V2026_07_28);
		});
	}

	@Test
	void aSecondClientOfAModernOriginConnectsWithOneDiscoverAndNoHandshake() {
		RecordingProxy proxy = proxyTo(dual);
		try (McpClient first = client(proxy, null)) {
			useTools(first);
		}
		proxy.clear();
		try (McpClient second = client(proxy, null)) {
			useTools(second);
			assertThat(second.session().era()).isEqualTo(Era.MODERN);
			assertThat(second.session().serverInfo().name()).isEqualTo("interop-sdk-v2-dual");
		}
		// Discover is how a modern connection learns the server's capabilities, and this
		// server says its result may not be cached (ttlMs 0): one per client, never more.
		assertThat(proxy.exchanges()).extracting(Exchange::rpcMethod)
			.doesNotContain("initialize", "notifications/initialized")
			.filteredOn("server/discover"::equals)
			.hasSize(1);
	}

	@Test
	void remembersALegacyVerdictSoTheNextClientStartsWithTheHandshake() {
		RecordingProxy proxy = proxyTo(stateful);
		try (McpClient first = client(proxy, null)) {
			useTools(first);
		}
		proxy.clear();
		try (McpClient second = client(proxy, null)) {
			useTools(second);
			assertThat(second.session().era()).isEqualTo(Era.LEGACY);
		}
		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.doesNotContain("server/discover")
			.startsWith("initialize");
	}

	@Test
	void anotherVerdictStoreProbesAgain() {
		RecordingProxy proxy = proxyTo(dual);
		try (McpClient first = client(proxy, null)) {
			first.initialize();
		}
		try (McpClient other = Interop.client(
				Interop.settings("other", proxy.url("/mcp")).toBuilder().era(null).build(), McpClientHandlers.none(),
				EraVerdicts.inMemory())) {
			other.initialize();
		}
		assertThat(proxy.exchanges()).extracting(Exchange::rpcMethod).filteredOn("server/discover"::equals).hasSize(2);
	}

	@Test
	void aPinnedLegacyEraSkipsTheProbeEvenAgainstADualServer() {
		RecordingProxy proxy = proxyTo(dual);
		try (McpClient client = client(proxy, Era.LEGACY)) {
			useTools(client);
			assertThat(client.session().era()).isEqualTo(Era.LEGACY);
			assertThat(client.session().protocolVersion()).isEqualTo(ProtocolVersion.V2025_11_25);
			assertThat(client.session().sessionId()).isNull();
			assertThat(Interop.text(client.callTool("server_era", Map.of()))).isEqualTo("legacy");
		}
		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.doesNotContain("server/discover")
			.startsWith("initialize");
		assertThat(exchanges).allSatisfy((exchange) -> assertThat(exchange.requestHeader("Mcp-Method")).isNull());
	}

	@Test
	void aPinnedModernEraNeverSendsTheLegacyHandshake() {
		RecordingProxy proxy = proxyTo(modern);
		try (McpClient client = client(proxy, Era.MODERN)) {
			useTools(client);
			assertThat(client.session().era()).isEqualTo(Era.MODERN);
		}
		assertThat(proxy.exchanges()).extracting(Exchange::rpcMethod)
			.doesNotContain("initialize", "notifications/initialized");
	}

	@Test
	void aPinnedLegacyEraAgainstAModernOnlyServerFailsWithTheServersRefusal() {
		RecordingProxy proxy = proxyTo(modern);
		try (McpClient client = client(proxy, Era.LEGACY)) {
			assertThatExceptionOfType(UnsupportedProtocolVersionException.class).isThrownBy(client::initialize)
				.satisfies((ex) -> {
					assertThat(ex.getRequested()).isEqualTo(ProtocolVersion.V2025_11_25);
					assertThat(ex.getServerVersions()).contains(ProtocolVersion.V2026_07_28);
					assertThat(ex.getMessage()).contains("'initialize'", ProtocolVersion.V2026_07_28);
				});
		}
		assertThat(proxy.exchanges()).extracting(Exchange::rpcMethod).containsExactly("initialize");
	}

	// The legacy server refused the modern probe with an error, not a discover result.
	private static void assertProbeRefused(Exchange probe) {
		assertThat(probe.rpcMethod()).isEqualTo("server/discover");
		assertThat(probe.requestHeader("MCP-Protocol-Version")).isEqualTo(ProtocolVersion.V2026_07_28);
		assertThat(probe.requestHeader("Mcp-Method")).isEqualTo("server/discover");
		assertThat(probe.requestHeader("MCP-Session-Id")).isNull();
	}

	// After the probe, the traffic is that of a 2025-11-25 client: nothing modern in it.
	private static void assertLegacyAfterProbe(List<Exchange> exchanges) {
		List<Exchange> legacy = exchanges.subList(1, exchanges.size());
		assertThat(legacy).allSatisfy((exchange) -> {
			assertThat(exchange.requestHeader("Mcp-Method")).as("Mcp-Method on %s", exchange).isNull();
			assertThat(exchange.requestHeader("Mcp-Name")).as("Mcp-Name on %s", exchange).isNull();
			assertThat(exchange.requestBody()).doesNotContain("io.modelcontextprotocol/protocolVersion");
		});
		assertThat(legacy.subList(1, legacy.size()))
			.allSatisfy((exchange) -> assertThat(exchange.requestHeader("MCP-Protocol-Version"))
				.isEqualTo(ProtocolVersion.V2025_11_25));
	}

}
