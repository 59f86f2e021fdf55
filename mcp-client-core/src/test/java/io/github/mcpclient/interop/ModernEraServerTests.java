package io.github.mcpclient.interop;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpNotificationListener;
import io.github.mcpclient.interop.RecordingProxy.Exchange;
import io.github.mcpclient.protocol.CreateMessageRequest;
import io.github.mcpclient.protocol.CreateMessageResult;
import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.ElicitResult;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.GetPromptResult;
import io.github.mcpclient.protocol.ProgressNotification;
import io.github.mcpclient.protocol.ReadResourceResult;
import io.github.mcpclient.protocol.Role;
import io.github.mcpclient.protocol.Root;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.TextResourceContents;
import io.github.mcpclient.protocol.Tool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our client, with the era left to choose itself, against a modern-only server on the
 * TypeScript SDK v2 ({@code legacy: 'reject'}): what a 2026-07-28 exchange looks like
 * from both ends, through a recording proxy.
 */
class ModernEraServerTests {

	private static final String MODERN = "2026-07-28";

	private static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";

	private static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

	private static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final NodeMcpServer server = NodeMcpServer.sdkV2("modern");

	@RegisterExtension
	static final ProxiedServer proxy = ProxiedServer.to(server::baseUri);

	private final EraVerdicts verdicts = EraVerdicts.inMemory();

	private McpClientSettings settings() {
		return Interop.settings("sdk-v2-modern", proxy.url("/mcp")).toBuilder().era(null).build();
	}

	private McpClient client() {
		return client(McpClientHandlers.none());
	}

	private McpClient client(McpClientHandlers handlers) {
		return Interop.client(settings(), handlers, this.verdicts);
	}

	@Test
	void choosesTheModernEraByItselfWithoutAHandshakeOrSession() {
		try (McpClient client = client()) {
			client.initialize();
			assertThat(client.session().era()).isEqualTo(Era.MODERN);
			assertThat(client.session().protocolVersion()).isEqualTo(MODERN);
			assertThat(client.session().sessionId()).isNull();
			assertThat(client.session().serverInfo().name()).isEqualTo("interop-sdk-v2-modern");
		}
		assertThat(this.verdicts.get(proxy.url("/mcp"))).isEqualTo(Era.MODERN);
		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod).containsExactly("server/discover");
		assertModern(exchanges.get(0), "server/discover", null);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void listsToolsWithoutTheOneWhoseHeaderDeclarationIsInvalid(CapturedOutput output) {
		try (McpClient client = client()) {
			assertThat(client.listAllTools()).extracting(Tool::name)
				.contains("add_numbers", "echo_region", "confirm", "count_with_progress")
				.doesNotContain("bad_header");
		}
		assertThat(output).contains("WARN").contains("'bad_header'").contains("type number");
		Exchange list = only(proxy.exchanges(), "tools/list");
		assertModern(list, "tools/list", null);
	}

	@Test
	void callsATool() {
		try (McpClient client = client()) {
			assertThat(Interop.text(client.callTool("add_numbers", Map.of("a", 2, "b", 3)))).isEqualTo("5");
		}
		assertModern(only(proxy.exchanges(), "tools/call"), "tools/call", "add_numbers");
	}

	@Test
	void mirrorsAnAnnotatedArgumentIntoAnEncodedHeaderTheServerDecodes() {
		try (McpClient client = client()) {
			client.listAllTools();
			JsonNode echoed = json
				.readTree(Interop.text(client.callTool("echo_region", Map.of("region", "Zürich-Süd"))));
			assertThat(echoed.get("region").asString()).isEqualTo("Zürich-Süd");
			assertThat(echoed.get("header").asString()).isEqualTo("=?base64?WsO8cmljaC1Tw7xk?=");
		}
		List<Exchange> exchanges = proxy.exchanges();
		Exchange call = only(exchanges, "tools/call");
		assertModern(call, "tools/call", "echo_region");
		assertThat(call.requestHeader("Mcp-Param-Region")).isEqualTo("=?base64?WsO8cmljaC1Tw7xk?=");
		assertStateless(exchanges);
	}

	@Test
	void sendsTheHeaderOnTheRetryWhenTheServerRejectsACallMadeBeforeListingTools() {
		try (McpClient client = client()) {
			JsonNode echoed = json.readTree(Interop.text(client.callTool("echo_region", Map.of("region", "eu west"))));
			assertThat(echoed.get("region").asString()).isEqualTo("eu west");
			assertThat(echoed.get("header").asString()).isEqualTo("eu west");
		}
		List<Exchange> exchanges = proxy.exchanges();
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.containsExactly("server/discover", "tools/call", "tools/list", "tools/call");
		Exchange rejected = exchanges.get(1);
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.requestHeader("Mcp-Param-Region")).isNull();
		Exchange retried = exchanges.get(3);
		assertModern(retried, "tools/call", "echo_region");
		assertThat(retried.requestHeader("Mcp-Param-Region")).isEqualTo("eu west");
	}

	@Test
	void answersAnElicitationAndRetriesWithTheServersState() {
		List<ElicitRequest> asked = new CopyOnWriteArrayList<>();
		McpClientHandlers handlers = McpClientHandlers.none().withElicitation((connection, request) -> {
			asked.add(request);
			return ElicitResult.accept(Map.of("ok", true));
		});
		try (McpClient client = client(handlers)) {
			JsonNode answer = json
				.readTree(Interop.text(client.callTool("confirm", Map.of("question", "Deploy to production?"))));
			assertThat(answer.get("action").asString()).isEqualTo("accept");
			assertThat(answer.at("/content/ok").asBoolean()).isTrue();
			assertThat(answer.get("state").asString()).isEqualTo("confirm:Deploy to production?");
		}
		assertThat(asked).singleElement().satisfies((request) -> {
			assertThat(request.message()).isEqualTo("Deploy to production?");
			assertThat(request.requestedSchema()).containsKey("properties");
		});
		List<Exchange> calls = proxy.exchanges()
			.stream()
			.filter((exchange) -> "tools/call".equals(exchange.rpcMethod()))
			.toList();
		assertThat(calls).hasSize(2);
		JsonNode first = json.readTree(calls.get(0).requestBody());
		JsonNode retry = json.readTree(calls.get(1).requestBody());
		assertThat(first.at("/params/_meta/" + escape(META_CAPABILITIES)).has("elicitation")).isTrue();
		assertThat(retry.get("id")).isNotEqualTo(first.get("id"));
		assertThat(retry.at("/params/requestState").asString()).isEqualTo("confirm:Deploy to production?");
		assertThat(retry.at("/params/inputResponses/confirmation/action").asString()).isEqualTo("accept");
		assertThat(retry.at("/params/arguments")).isEqualTo(first.at("/params/arguments"));
		calls.forEach((call) -> assertModern(call, "tools/call", "confirm"));
	}

	@Test
	void answersRootsAndSamplingInOneRound() {
		McpClientHandlers handlers = McpClientHandlers.none()
			.withRoots((connection) -> List.of(new Root("file:///work/project", "project", null)))
			.withSampling((String connection, CreateMessageRequest request) -> new CreateMessageResult(Role.ASSISTANT,
					new TextContent("teal", null, null), "test-model", "endTurn", null));
		try (McpClient client = client(handlers)) {
			JsonNode answer = json.readTree(Interop.text(client.callTool("roots_and_sample", Map.of())));
			assertThat(answer.get("roots").toString()).isEqualTo("[\"file:///work/project\"]");
			assertThat(answer.get("sample").asString()).isEqualTo("teal");
		}
		List<Exchange> calls = proxy.exchanges()
			.stream()
			.filter((exchange) -> "tools/call".equals(exchange.rpcMethod()))
			.toList();
		assertThat(calls).hasSize(2);
		JsonNode retry = json.readTree(calls.get(1).requestBody());
		assertThat(retry.at("/params/inputResponses/roots/roots/0/uri").asString()).isEqualTo("file:///work/project");
		assertThat(retry.at("/params/inputResponses/sample/role").asString()).isEqualTo("assistant");
	}

	@Test
	void reportsProgressToTheCallsOwnListener() {
		List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
		try (McpClient client = client()) {
			String text = Interop.text(client.callTool("count_with_progress", Map.of("steps", 3), progress::add));
			assertThat(text).isEqualTo("counted 3");
		}
		await().atMost(Interop.TIMEOUT).untilAsserted(() -> assertThat(progress).hasSize(3));
		assertThat(progress).extracting(ProgressNotification::progress).containsExactly(1.0, 2.0, 3.0);
		assertThat(progress).extracting(ProgressNotification::total).containsOnly(3.0);
		Exchange call = only(proxy.exchanges(), "tools/call");
		assertThat(json.readTree(call.requestBody()).at("/params/_meta/progressToken").isMissingNode()).isFalse();
	}

	@Test
	void getsAPromptAndReadsAResource() {
		try (McpClient client = client()) {
			GetPromptResult prompt = client.getPrompt("greeting", Map.of("name", "Zoë"));
			assertThat(prompt.messages()).singleElement()
				.satisfies((message) -> assertThat(((TextContent) message.content()).text()).isEqualTo("Hello, Zoë!"));
			ReadResourceResult resource = client.readResource("info://server");
			assertThat(resource.contents()).singleElement()
				.satisfies((contents) -> assertThat(((TextResourceContents) contents).text())
					.isEqualTo("interop-sdk-v2-modern"));
		}
		List<Exchange> exchanges = proxy.exchanges();
		assertModern(only(exchanges, "prompts/get"), "prompts/get", "greeting");
		assertModern(only(exchanges, "resources/read"), "resources/read", "info://server");
		assertStateless(exchanges);
	}

	@Test
	void deliversListChangedFromASubscriptionStream() {
		List<String> changed = new CopyOnWriteArrayList<>();
		McpNotificationListener listener = new McpNotificationListener() {

			@Override
			public void onToolsListChanged(String connectionName) {
				changed.add(connectionName);
			}

		};
		McpClientHandlers handlers = McpClientHandlers.none().withListeners(List.of(listener));
		try (McpClient client = Interop.client(settings().toBuilder().listen(true).build(), handlers)) {
			client.initialize();
			await().atMost(Interop.TIMEOUT)
				.until(() -> proxy.exchanges()
					.stream()
					.anyMatch((exchange) -> "subscriptions/listen".equals(exchange.rpcMethod())
							&& exchange.status() == 200));
			// The acknowledgement may still be on its way; keep announcing until one
			// lands.
			await().atMost(Interop.TIMEOUT).untilAsserted(() -> {
				client.callTool("change_tools", Map.of());
				assertThat(changed).isNotEmpty();
			});
		}
		assertThat(changed).containsOnly("sdk-v2-modern");
		Exchange listen = only(proxy.exchanges(), "subscriptions/listen");
		assertModern(listen, "subscriptions/listen", null);
		assertThat(json.readTree(listen.requestBody()).at("/params/notifications/toolsListChanged").asBoolean())
			.isTrue();
		assertStateless(proxy.exchanges());
	}

	private static Exchange only(List<Exchange> exchanges, String method) {
		List<Exchange> matching = exchanges.stream().filter((exchange) -> method.equals(exchange.rpcMethod())).toList();
		assertThat(matching).as("%s requests in %s", method, exchanges).hasSize(1);
		return matching.get(0);
	}

	// What every modern-era request carries, in its headers and in params._meta.
	private static void assertModern(Exchange exchange, String method, @Nullable String name) {
		assertThat(exchange.method()).isEqualTo("POST");
		assertThat(exchange.requestHeader("MCP-Protocol-Version")).isEqualTo(MODERN);
		assertThat(exchange.requestHeader("Mcp-Method")).isEqualTo(method);
		assertThat(exchange.requestHeader("Mcp-Name")).isEqualTo(name);
		assertThat(exchange.requestHeader("MCP-Session-Id")).isNull();
		JsonNode meta = json.readTree(exchange.requestBody()).at("/params/_meta");
		assertThat(meta.get(META_VERSION).asString()).isEqualTo(MODERN);
		assertThat(meta.get(META_CAPABILITIES).isObject()).isTrue();
		assertThat(meta.get(META_CLIENT_INFO).get("name").asString()).isNotBlank();
		assertThat(exchange.status()).as("status of %s", exchange).isEqualTo(200);
	}

	// No session, no handshake, no GET stream, no DELETE, not even on close.
	private static void assertStateless(List<Exchange> exchanges) {
		assertThat(exchanges).extracting(Exchange::method).containsOnly("POST");
		assertThat(exchanges).extracting(Exchange::rpcMethod)
			.doesNotContain("initialize", "notifications/initialized", "ping");
		assertThat(exchanges).allSatisfy((exchange) -> {
			assertThat(exchange.requestHeader("MCP-Session-Id")).isNull();
			assertThat(exchange.responseHeader("MCP-Session-Id")).isNull();
		});
	}

	private static String escape(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}

}
