package io.github.mcpclient.auth;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpNotificationListener;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.protocol.Era;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.PATH;
import static io.github.mcpclient.McpWireMock.TOOLS;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The authorization filter sets the credentials of its {@link McpAuthorization} on every
 * request of a connection, sends a refused request again with the credentials the refusal
 * earned, and otherwise lets the refusal reach the caller with its challenge and body.
 */
class McpAuthorizationFilterTests {

	private static final String CHALLENGE = "Bearer error=\"invalid_token\", "
			+ "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource\"";

	private static final String DISCOVER_RESULT = "{\"resultType\":\"complete\",\"supportedVersions\":[\"2026-07-28\"],"
			+ "\"capabilities\":{\"tools\":{}},\"ttlMs\":0,\"cacheScope\":\"private\",\"_meta\":"
			+ "{\"io.modelcontextprotocol/serverInfo\":{\"name\":\"modern-stub\",\"version\":\"9.0\"}}}";

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	@Test
	void everyKindOfRequestCarriesTheCredentials() {
		stubHandshake(server, "session-1");
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(405)));
		server.stubFor(delete(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
		Tokens tokens = new Tokens("first");
		McpClient client = client(McpWireMock.settings(server).toBuilder().listen(true).build(), tokens,
				McpClientHandlers.none().withListeners(List.of(new McpNotificationListener() {
				})));

		client.listTools();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> server
				.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer first"))));
		client.close();

		for (String method : List.of("initialize", "notifications/initialized", "tools/list")) {
			server.verify(rpcRequested(method).withHeader("Authorization", equalTo("Bearer first")));
		}
		server.verify(deleteRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer first")));
		assertThat(tokens.asked).extracting(AuthorizationRequest::mcpMethod)
			.contains("initialize", "tools/list", "close");
		assertThat(tokens.asked).allSatisfy((request) -> {
			assertThat(request.connectionName()).isEqualTo("test");
			assertThat(request.serverUrl()).isEqualTo(McpWireMock.endpoint(server));
		});
	}

	@Test
	void eraDiscoveryCarriesTheCredentials() {
		server.stubFor(rpc("server/discover").willReturn(json(DISCOVER_RESULT)));
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		McpClient client = client(McpWireMock.settings(server).toBuilder().era(Era.MODERN).build(), new Tokens("first"),
				McpClientHandlers.none());

		client.listTools();

		server.verify(rpcRequested("server/discover").withHeader("Authorization", equalTo("Bearer first")));
	}

	@Test
	void refusedRequestIsSentAgainWithTheNewCredentials() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/list").withHeader("Authorization", equalTo("Bearer first"))
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
		server.stubFor(rpc("tools/list").withHeader("Authorization", equalTo("Bearer second")).willReturn(json(TOOLS)));
		Tokens tokens = new Tokens("first", "second");

		assertThat(client(McpWireMock.settings(server), tokens, McpClientHandlers.none()).listTools().tools())
			.hasSize(1);

		assertThat(tokens.refusals).singleElement().satisfies((refusal) -> {
			assertThat(refusal.getStatus()).isEqualTo(401);
			assertThat(refusal.getChallenge().error()).isEqualTo("invalid_token");
			assertThat(refusal.getMethod()).isEqualTo("tools/list");
		});
		assertThat(tokens.sentWithRefusal).containsExactly("Bearer first");
		server.verify(2, rpcRequested("tools/list"));
	}

	@Test
	void refusalWithoutNewCredentialsReachesTheCallerWithChallengeAndBody() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/list").willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", CHALLENGE)
			.withHeader("Content-Type", "text/plain")
			.withBody("sign in at the portal first")));
		Tokens tokens = new Tokens("first");
		McpClient client = client(McpWireMock.settings(server), tokens, McpClientHandlers.none());

		McpAuthorizationException ex = assertThatExceptionOfType(McpAuthorizationException.class)
			.isThrownBy(client::listTools)
			.actual();

		assertThat(ex.getStatus()).isEqualTo(401);
		assertThat(ex.getChallenge().resourceMetadata())
			.isEqualTo("https://mcp.example.com/.well-known/oauth-protected-resource");
		assertThat(ex.getBodyExcerpt()).contains("sign in at the portal first");
		assertThat(ex.getMessage()).doesNotContain("Bearer first");
		server.verify(1, rpcRequested("tools/list"));
	}

	@Test
	void sendsOfOneRequestAreCapped() {
		stubHandshake(server, null);
		server.stubFor(
				rpc("tools/list").willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
		Tokens tokens = new Tokens("a", "b", "c", "d", "e", "f");
		McpClient client = client(McpWireMock.settings(server), tokens, McpClientHandlers.none());

		assertThatExceptionOfType(McpAuthorizationException.class).isThrownBy(client::listTools);

		server.verify(McpAuthorizationFilter.MAX_SENDS, rpcRequested("tools/list"));
	}

	@Test
	void forbiddenIsARefusalOnlyWhenItAsksForScope() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/list").withHeader("Authorization", equalTo("Bearer first"))
			.willReturn(aResponse().withStatus(403)
				.withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"tools:read\"")));
		server.stubFor(rpc("tools/list").withHeader("Authorization", equalTo("Bearer second")).willReturn(json(TOOLS)));
		server.stubFor(rpc("tools/call").willReturn(aResponse().withStatus(403)));
		Tokens tokens = new Tokens("first", "second");
		McpClient client = client(McpWireMock.settings(server), tokens, McpClientHandlers.none());

		assertThat(client.listTools().tools()).hasSize(1);
		assertThat(tokens.refusals).singleElement()
			.satisfies((refusal) -> assertThat(refusal.isInsufficientScope()).isTrue());

		assertThatExceptionOfType(McpAuthorizationException.class)
			.isThrownBy(() -> client.callTool("add", java.util.Map.of()))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403));
		assertThat(tokens.refusals).hasSize(1);
	}

	@Test
	void aListeningStreamWhoseTokenExpiredIsReauthorizedAndReopened() {
		stubHandshake(server, "session-1");
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		// The first stream ends; by the time the client reopens it, its token has
		// expired.
		server.stubFor(get(urlEqualTo(PATH)).inScenario("expiry")
			.whenScenarioStateIs(Scenario.STARTED)
			.withHeader("Authorization", equalTo("Bearer first"))
			.willReturn(McpWireMock.sse(listChanged()))
			.willSetStateTo("expired"));
		server.stubFor(get(urlEqualTo(PATH)).inScenario("expiry")
			.whenScenarioStateIs("expired")
			.withHeader("Authorization", equalTo("Bearer first"))
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
		server.stubFor(get(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer second"))
			.willReturn(McpWireMock.sse(listChanged())));
		Tokens tokens = new Tokens("first", "second");
		AtomicInteger changes = new AtomicInteger();
		McpClient client = client(McpWireMock.settings(server).toBuilder().listen(true).build(), tokens,
				McpClientHandlers.none().withListeners(List.of(new McpNotificationListener() {

					@Override
					public void onToolsListChanged(String connectionName) {
						changes.incrementAndGet();
					}

				})));

		client.listTools();

		// A notification from the stream opened on the new token shows it was reopened.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			server.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer second")));
			assertThat(changes).hasValueGreaterThanOrEqualTo(2);
		});
		assertThat(tokens.refusals).first().satisfies((refusal) -> {
			assertThat(refusal.getStatus()).isEqualTo(401);
			assertThat(refusal.getMethod()).isEqualTo("listen");
		});
		client.close();
	}

	private static String listChanged() {
		return "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n";
	}

	private static McpClient client(McpClientSettings settings, McpAuthorization authorization,
			McpClientHandlers handlers) {
		return McpClientFactory.builder()
			.eraVerdicts(EraVerdicts.inMemory())
			.build()
			.create(settings, handlers, authorization);
	}

	/**
	 * Hands out the given tokens in turn: the first before any refusal, the next after
	 * each refusal, and nothing once they run out.
	 */
	static final class Tokens implements McpAuthorization {

		private final List<String> tokens;

		private final AtomicInteger current = new AtomicInteger();

		final List<AuthorizationRequest> asked = new CopyOnWriteArrayList<>();

		final List<McpAuthorizationException> refusals = new CopyOnWriteArrayList<>();

		final List<String> sentWithRefusal = new CopyOnWriteArrayList<>();

		Tokens(String... tokens) {
			this.tokens = List.of(tokens);
		}

		@Override
		public Mono<McpCredentials> credentials(AuthorizationRequest request) {
			this.asked.add(request);
			return Mono
				.just(McpCredentials.bearer(this.tokens.get(Math.min(this.current.get(), this.tokens.size() - 1))));
		}

		@Override
		public Mono<McpCredentials> refused(AuthorizationRequest request, @Nullable McpCredentials sent,
				McpAuthorizationException refusal) {
			this.refusals.add(refusal);
			if (sent != null) {
				this.sentWithRefusal.add(sent.headers().get("Authorization"));
			}
			int next = this.current.incrementAndGet();
			return (next < this.tokens.size()) ? Mono.just(McpCredentials.bearer(this.tokens.get(next))) : Mono.empty();
		}

	}

}
