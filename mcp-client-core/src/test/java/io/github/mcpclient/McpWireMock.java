package io.github.mcpclient;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.protocol.Era;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stubs of an MCP server on WireMock. Responses echo the request id through WireMock's
 * response templating, so the client's real ids are answered.
 */
public final class McpWireMock {

	public static final String PATH = "/mcp";

	public static final String ECHO_ID = "{{jsonPath request.body '$.id'}}";

	private McpWireMock() {
	}

	public static WireMockExtension extension() {
		return WireMockExtension.newInstance().options(options().dynamicPort()).build();
	}

	public static McpClient blockingClient(WireMockExtension server) {
		return client(settings(server));
	}

	public static URI endpoint(WireMockExtension server) {
		return URI.create(server.baseUrl() + PATH);
	}

	public static McpClientSettings settings(WireMockExtension server) {
		// These stubs speak the legacy era; negotiation has tests of its own.
		return McpClientSettings.builder("test", endpoint(server))
			.era(Era.LEGACY)
			.requestTimeout(Duration.ofSeconds(5))
			.initializeTimeout(Duration.ofSeconds(5))
			.build();
	}

	public static McpClient client(McpClientSettings settings) {
		return client(settings, McpClientHandlers.none());
	}

	public static McpClient client(McpClientSettings settings, McpClientHandlers handlers) {
		return client(settings, handlers, EraVerdicts.inMemory());
	}

	public static McpClient client(McpClientSettings settings, McpClientHandlers handlers, EraVerdicts verdicts) {
		return McpClientFactory.builder().eraVerdicts(verdicts).build().create(settings, handlers);
	}

	public static MappingBuilder rpc(String method) {
		return post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.method", equalTo(method)));
	}

	public static RequestPatternBuilder rpcRequested(String method) {
		return postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.method", equalTo(method)));
	}

	public static RequestPatternBuilder posted() {
		return postRequestedFor(urlEqualTo(PATH));
	}

	public static String result(String resultJson) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID + ",\"result\":" + resultJson + "}";
	}

	public static ResponseDefinitionBuilder json(String resultJson) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(result(resultJson))
			.withTransformers("response-template");
	}

	public static ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(body)
			.withTransformers("response-template");
	}

	public static String initializeResult(String version) {
		return "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{\"tools\":{\"listChanged\":true},"
				+ "\"logging\":{}},\"serverInfo\":{\"name\":\"stub-server\",\"version\":\"1.2.3\"},"
				+ "\"instructions\":\"be nice\"}";
	}

	/**
	 * Stub a legacy server that completes the handshake and answers ping.
	 * @param server the WireMock server
	 * @param sessionId the session id it assigns, or {@code null} for a stateless server
	 */
	public static void stubPingableServer(WireMockExtension server, String sessionId) {
		stubHandshake(server, sessionId);
		server.stubFor(rpc("ping").willReturn(json("{}")));
	}

	/**
	 * Stub a stateful (with a session id) or stateless (null) server's handshake.
	 */
	public static void stubHandshake(WireMockExtension server, String sessionId) {
		ResponseDefinitionBuilder response = json(initializeResult("2025-11-25"));
		if (sessionId != null) {
			response.withHeader("Mcp-Session-Id", sessionId);
		}
		server.stubFor(rpc("initialize").willReturn(response));
		server.stubFor(rpc("notifications/initialized").willReturn(aResponse().withStatus(202)));
	}

	public static final String TOOLS = "{\"tools\":[{\"name\":\"add\",\"description\":\"Adds\",\"inputSchema\":"
			+ "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"type\":\"number\"}}}}]}";

}
