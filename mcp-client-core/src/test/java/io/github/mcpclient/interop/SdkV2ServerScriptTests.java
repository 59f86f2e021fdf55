package io.github.mcpclient.interop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TypeScript SDK v2 server script, checked with raw HTTP and no client of ours in the
 * way: what the modern-era tests rely on it to do, so that a failure there points at the
 * fixture rather than at the client.
 */
class SdkV2ServerScriptTests {

	private static final String MODERN = "2026-07-28";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Interop.TIMEOUT).build();

	@RegisterExtension
	static final NodeMcpServer modern = NodeMcpServer.sdkV2("modern");

	@RegisterExtension
	static final NodeMcpServer dual = NodeMcpServer.sdkV2("dual");

	@Test
	void discoverNamesTheModernVersionAndTheServer() throws Exception {
		HttpResponse<String> response = postModern(modern.endpoint(), "server/discover", Map.of(), Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = json.readTree(response.body()).get("result");
		assertThat(result.get("supportedVersions").toString()).contains(MODERN);
		assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asString())
			.isEqualTo("interop-sdk-v2-modern");
		assertThat(response.headers().firstValue("MCP-Session-Id")).isEmpty();
	}

	@Test
	void listsTheToolWithAnInvalidHeaderDeclarationForTheClientToDrop() throws Exception {
		HttpResponse<String> response = postModern(modern.endpoint(), "tools/list", Map.of(), Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode tools = json.readTree(response.body()).at("/result/tools");
		assertThat(tools.findValuesAsString("name")).contains("add_numbers", "echo_region", "bad_header", "confirm",
				"roots_and_sample", "count_with_progress", "change_tools", "server_era");
	}

	@Test
	void seesTheEncodedRegionHeaderAndTheDecodedBodyValue() throws Exception {
		HttpResponse<String> response = postModern(modern.endpoint(), "tools/call",
				Map.of("name", "echo_region", "arguments", Map.of("region", "Zürich")),
				Map.of("Mcp-Name", "echo_region", "Mcp-Param-Region", "=?base64?WsO8cmljaA==?="));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode echoed = json.readTree(json.readTree(response.body()).at("/result/content/0/text").asString());
		assertThat(echoed.get("region").asString()).isEqualTo("Zürich");
		assertThat(echoed.get("header").asString()).isEqualTo("=?base64?WsO8cmljaA==?=");
	}

	@Test
	void modernOnlyServerRefusesInitializeWithUnsupportedVersion() throws Exception {
		HttpResponse<String> response = postInitialize(modern.endpoint());
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = json.readTree(response.body()).get("error");
		assertThat(error.get("code").asInt()).isEqualTo(-32022);
		assertThat(error.at("/data/supported").toString()).contains(MODERN);
	}

	@Test
	void dualServerAnswersInitializeWithoutASession() throws Exception {
		HttpResponse<String> response = postInitialize(dual.endpoint());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"protocolVersion\":\"2025-11-25\"");
		assertThat(response.headers().firstValue("MCP-Session-Id")).isEmpty();
	}

	private static HttpResponse<String> postModern(URI endpoint, String method, Map<String, Object> params,
			Map<String, String> headers) throws IOException, InterruptedException {
		Map<String, Object> meta = Map.of("io.modelcontextprotocol/protocolVersion", MODERN,
				"io.modelcontextprotocol/clientCapabilities", Map.of(), "io.modelcontextprotocol/clientInfo",
				Map.of("name", "raw-http", "version", "0"));
		Map<String, Object> allParams = new HashMap<>(params);
		allParams.put("_meta", meta);
		String body = json.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", allParams));
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(Interop.TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("MCP-Protocol-Version", MODERN)
			.header("Mcp-Method", method)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> postInitialize(URI endpoint) throws IOException, InterruptedException {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
				+ "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-http\",\"version\":\"0\"}}}";
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(Interop.TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
