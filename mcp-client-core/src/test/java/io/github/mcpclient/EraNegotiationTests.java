package io.github.mcpclient;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mcpclient.exception.McpTimeoutException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.exception.UnsupportedProtocolVersionException;
import io.github.mcpclient.protocol.Era;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.github.mcpclient.McpWireMock.ECHO_ID;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Choosing the protocol era against an unknown server: every outcome of the discover
 * probe, the per-origin verdict, and pinned eras.
 */
class EraNegotiationTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	static final String DISCOVER_RESULT = "{\"resultType\":\"complete\",\"supportedVersions\":[\"2026-07-28\"],"
			+ "\"capabilities\":{\"tools\":{\"listChanged\":true}},\"instructions\":\"modern\",\"ttlMs\":0,"
			+ "\"cacheScope\":\"private\",\"_meta\":{\"io.modelcontextprotocol/serverInfo\":"
			+ "{\"name\":\"modern-stub\",\"version\":\"9.0\"}}}";

	private final EraVerdicts verdicts = EraVerdicts.inMemory();

	private McpClient client() {
		return client(null);
	}

	private McpClient client(Era era) {
		return McpWireMock.client(McpWireMock.settings(server).toBuilder().era(era).build(), McpClientHandlers.none(),
				this.verdicts);
	}

	private static ResponseDefinitionBuilder rpcError(int status, int code, String data) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"error\":{\"code\":" + code + ",\"message\":\"no\""
					+ ((data != null) ? ",\"data\":" + data : "") + "}}")
			.withTransformers("response-template");
	}

	@Test
	void discoverListingOurModernVersionChoosesTheModernEra() {
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));

		McpClient client = client();
		var result = client.initialize();

		assertThat(client.session().era()).isEqualTo(Era.MODERN);
		assertThat(client.session().protocolVersion()).isEqualTo("2026-07-28");
		assertThat(client.session().sessionId()).isNull();
		assertThat(client.session().serverInfo().name()).isEqualTo("modern-stub");
		assertThat(result.instructions()).isEqualTo("modern");
		assertThat(this.verdicts.get(McpWireMock.endpoint(server))).isEqualTo(Era.MODERN);
		server.verify(0, rpcRequested("initialize"));
		server.verify(rpcRequested("server/discover").withHeader("MCP-Protocol-Version", equalTo("2026-07-28"))
			.withHeader("Mcp-Method", equalTo("server/discover"))
			.withRequestBody(matchingJsonPath("$.params._meta['io.modelcontextprotocol/protocolVersion']",
					equalTo("2026-07-28"))));
	}

	@Test
	void jsonRpcErrorToTheProbeChoosesTheLegacyEraAndIsRemembered() {
		server.stubFor(rpc("server/discover").willReturn(rpcError(200, -32601, null)));
		stubHandshake(server, "legacy-session-01");

		McpClient client = client();
		client.initialize();

		assertThat(client.session().era()).isEqualTo(Era.LEGACY);
		assertThat(client.session().sessionId()).isEqualTo("legacy-session-01");
		assertThat(this.verdicts.get(McpWireMock.endpoint(server))).isEqualTo(Era.LEGACY);

		client().initialize();
		server.verify(1, rpcRequested("server/discover"));
		server.verify(2, rpcRequested("initialize"));
	}

	@Test
	void legacyTrafficCarriesNothingModern() {
		server.stubFor(rpc("server/discover").willReturn(rpcError(400, -32000, null)));
		stubHandshake(server, "legacy-session-02");
		server.stubFor(rpc("tools/list").willReturn(json(McpWireMock.TOOLS)));

		client().listTools();

		for (String method : new String[] { "initialize", "notifications/initialized", "tools/list" }) {
			server.verify(rpcRequested(method).withHeader("Mcp-Method", absent())
				.withHeader("Mcp-Name", absent())
				.withRequestBody(notContaining("io.modelcontextprotocol/")));
		}
	}

	@Test
	void clientErrorWithoutJsonChoosesTheLegacyEra() {
		for (ResponseDefinitionBuilder answer : new ResponseDefinitionBuilder[] { aResponse().withStatus(400),
				aResponse().withStatus(404).withBody("<html>Not Found</html>"), aResponse().withStatus(405) }) {
			server.resetAll();
			this.verdicts.forget(McpWireMock.endpoint(server));
			server.stubFor(rpc("server/discover").willReturn(answer));
			stubHandshake(server, null);

			McpClient client = client();
			client.initialize();

			assertThat(client.session().era()).isEqualTo(Era.LEGACY);
		}
	}

	@Test
	void unsupportedVersionListingOnlyLegacyVersionsChoosesTheLegacyEra() {
		server.stubFor(rpc("server/discover")
			.willReturn(rpcError(400, -32022, "{\"supported\":[\"2025-11-25\",\"2025-06-18\"]}")));
		stubHandshake(server, null);

		McpClient client = client();
		client.initialize();

		assertThat(client.session().era()).isEqualTo(Era.LEGACY);
	}

	@Test
	void unsupportedVersionListingOnlyUnknownModernVersionsFails() {
		server.stubFor(rpc("server/discover").willReturn(rpcError(400, -32022, "{\"supported\":[\"2027-01-01\"]}")));

		assertThatExceptionOfType(UnsupportedProtocolVersionException.class).isThrownBy(client()::initialize)
			.withMessageContaining("2027-01-01");
		server.verify(0, rpcRequested("initialize"));
	}

	@Test
	void unsupportedVersionListingTheVersionSentIsRetriedOnceWithIt() {
		server.stubFor(rpc("server/discover").inScenario("refuse once")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(rpcError(400, -32022, "{\"supported\":[\"2026-07-28\"],\"requested\":\"2026-07-28\"}"))
			.willSetStateTo("refused"));
		server.stubFor(rpc("server/discover").inScenario("refuse once")
			.whenScenarioStateIs("refused")
			.willReturn(json(DISCOVER_RESULT)));

		McpClient client = client();
		client.initialize();

		assertThat(client.session().era()).isEqualTo(Era.MODERN);
		assertThat(client.session().protocolVersion()).isEqualTo("2026-07-28");
		server.verify(2, rpcRequested("server/discover").withHeader("MCP-Protocol-Version", equalTo("2026-07-28")));
		server.verify(0, rpcRequested("initialize"));
	}

	@Test
	void secondRefusalOfTheVersionItListsFailsEachConnectionAttempt() {
		server.stubFor(rpc("server/discover").willReturn(rpcError(400, -32022, "{\"supported\":[\"2026-07-28\"]}")));
		McpClient client = client();

		assertThatExceptionOfType(UnsupportedProtocolVersionException.class).isThrownBy(client::initialize)
			.satisfies((ex) -> assertThat(ex.getServerVersions()).containsExactly("2026-07-28"));
		server.verify(2, rpcRequested("server/discover"));

		assertThatExceptionOfType(UnsupportedProtocolVersionException.class).isThrownBy(client::initialize);
		server.verify(4, rpcRequested("server/discover"));
		server.verify(0, rpcRequested("initialize"));
	}

	@Test
	void discoverWithoutAMutualVersionFallsBackToLegacy() {
		server.stubFor(rpc("server/discover")
			.willReturn(json("{\"supportedVersions\":[\"2027-01-01\",\"2025-11-25\"],\"capabilities\":{}}")));
		stubHandshake(server, null);

		McpClient client = client();
		client.initialize();

		assertThat(client.session().era()).isEqualTo(Era.LEGACY);
	}

	@Test
	void authenticationFailureServerErrorAndTimeoutDecideNothing() {
		for (ResponseDefinitionBuilder answer : new ResponseDefinitionBuilder[] { aResponse().withStatus(401),
				aResponse().withStatus(403), aResponse().withStatus(503) }) {
			server.resetAll();
			server.stubFor(rpc("server/discover").willReturn(answer));

			assertThatExceptionOfType(McpTransportException.class).isThrownBy(client()::initialize);

			assertThat(this.verdicts.get(McpWireMock.endpoint(server))).isNull();
			server.verify(0, rpcRequested("initialize"));
		}
		server.resetAll();
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT).withFixedDelay(2000)));
		McpClient impatient = McpWireMock.client(
				McpWireMock.settings(server).toBuilder().era(null).initializeTimeout(Duration.ofMillis(200)).build(),
				McpClientHandlers.none(), this.verdicts);

		assertThatExceptionOfType(McpTimeoutException.class).isThrownBy(impatient::initialize);
		assertThat(this.verdicts.get(McpWireMock.endpoint(server))).isNull();
	}

	@Test
	void pinnedLegacyEraNeverProbes() {
		stubHandshake(server, null);

		client(Era.LEGACY).initialize();

		server.verify(0, rpcRequested("server/discover"));
	}

	@Test
	void pinnedModernEraNeverFallsBack() {
		server.stubFor(rpc("server/discover").willReturn(rpcError(400, -32000, null)));
		stubHandshake(server, null);

		assertThatExceptionOfType(McpTransportException.class).isThrownBy(client(Era.MODERN)::initialize);

		server.verify(0, rpcRequested("initialize"));
	}

	@Test
	void rememberedLegacyVerdictThatNoLongerHoldsIsForgotten() {
		this.verdicts.remember(McpWireMock.endpoint(server), Era.LEGACY);
		server.stubFor(rpc("initialize").willReturn(rpcError(400, -32022, "{\"supported\":[\"2026-07-28\"]}")));
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));
		McpClient client = client();

		assertThatExceptionOfType(UnsupportedProtocolVersionException.class).isThrownBy(client::initialize)
			.satisfies((ex) -> assertThat(ex.getServerVersions()).containsExactly("2026-07-28"));
		assertThat(this.verdicts.get(McpWireMock.endpoint(server))).isNull();

		client.initialize();
		assertThat(client.session().era()).isEqualTo(Era.MODERN);
	}

	@Test
	void modernServerRejectingTheVersionLaterMakesTheNextCallProbeAgain() {
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));
		server.stubFor(rpc("tools/list").willReturn(rpcError(400, -32022, "{\"supported\":[\"2025-11-25\"]}")));
		stubHandshake(server, null);
		McpClient client = client();
		client.initialize();

		assertThatExceptionOfType(McpTransportException.class).isThrownBy(client::listTools);
		assertThat(this.verdicts.get(McpWireMock.endpoint(server))).isNull();

		server.stubFor(rpc("server/discover").willReturn(rpcError(400, -32022, "{\"supported\":[\"2025-11-25\"]}")));
		server.stubFor(rpc("tools/list").willReturn(json(McpWireMock.TOOLS)));
		client.listTools();
		assertThat(client.session().era()).isEqualTo(Era.LEGACY);
		server.verify(1, rpcRequested("initialize").withHeader("Mcp-Method", absent()));
	}

}
