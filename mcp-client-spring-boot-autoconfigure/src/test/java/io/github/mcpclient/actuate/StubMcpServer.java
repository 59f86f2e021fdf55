package io.github.mcpclient.actuate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.session.SessionState;
import org.jspecify.annotations.Nullable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * An MCP server stubbed on WireMock, and clients of it or stand-ins in any state.
 */
final class StubMcpServer {

	static final String PATH = "/mcp";

	private StubMcpServer() {
	}

	/**
	 * Stub a server that answers initialize (with the given session id, or none for a
	 * stateless server), notifications/initialized, ping and DELETE.
	 */
	static void stub(WireMockExtension server, @Nullable String sessionId) {
		ResponseDefinitionBuilder initialize = result("{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
				+ "\"serverInfo\":{\"name\":\"weather-server\",\"version\":\"2.1.0\"}}");
		if (sessionId != null) {
			initialize.withHeader("MCP-Session-Id", sessionId);
		}
		server.stubFor(rpc("initialize").willReturn(initialize));
		server.stubFor(rpc("notifications/initialized").willReturn(aResponse().withStatus(202)));
		server.stubFor(rpc("ping").willReturn(result("{}")));
		server.stubFor(delete(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
	}

	static MappingBuilder rpc(String method) {
		return post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.method", equalTo(method)));
	}

	static ResponseDefinitionBuilder result(String json) {
		return aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"jsonrpc\":\"2.0\",\"id\":{{jsonPath request.body '$.id'}},\"result\":" + json + "}")
			.withTransformers("response-template");
	}

	static McpClient client(String name, WireMockExtension server) {
		McpClientSettings settings = McpClientSettings.builder(name, URI.create(server.baseUrl() + PATH))
			.era(Era.LEGACY)
			// Every call here must succeed: a deadline no busy machine reaches
			.requestTimeout(Duration.ofSeconds(30))
			.initializeTimeout(Duration.ofSeconds(30))
			.build();
		return McpClientFactory.create().create(settings);
	}

	/**
	 * A client whose session is as given, for states a live server cannot be made to
	 * produce on demand.
	 */
	static McpClient clientIn(String name, McpSession session, McpSessionStatistics statistics) {
		McpClient client = mock(McpClient.class);
		given(client.name()).willReturn(name);
		given(client.session()).willReturn(session);
		given(client.statistics()).willReturn(statistics);
		return client;
	}

	static McpSession session(String name, String url, SessionState state, @Nullable String sessionId) {
		boolean established = state == SessionState.READY;
		return new McpSession(name, URI.create(url), state, established ? Era.LEGACY : null,
				established ? "2025-11-25" : null, sessionId, new Implementation("weather-server", "2.1.0"), null, null,
				established ? Instant.parse("2026-01-02T03:04:05Z") : null, Instant.parse("2026-01-02T03:04:06Z"));
	}

	static McpSessionStatistics noTraffic() {
		return new McpSessionStatistics(0, 0, 0, null);
	}

}
