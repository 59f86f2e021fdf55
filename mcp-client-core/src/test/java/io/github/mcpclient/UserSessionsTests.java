package io.github.mcpclient;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.auth.AuthorizationRequest;
import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.auth.McpCredentials;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.exception.McpAuthorizationException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.TOOLS;
import static io.github.mcpclient.McpWireMock.initializeResult;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection that authorizes each user keeps a session per user on the wire: a session
 * established with one user's token never carries another user's call.
 */
class UserSessionsTests {

	private static final ThreadLocal<@Nullable String> signedIn = new ThreadLocal<>();

	private static final String USER_KEY = "signed-in-user";

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	@Test
	void eachUsersCallsGoOutOnTheirOwnSessionWithTheirOwnToken() {
		stubServerFor("alice", "bob");
		McpClient client = client(McpClientSettings.UserSessions.DEFAULTS);

		as("alice", client::listTools);
		as("bob", client::listTools);
		as("alice", client::listTools);

		server.verify(2, rpcRequested("tools/list").withHeader("Authorization", equalTo("Bearer token-of-alice"))
			.withHeader("MCP-Session-Id", equalTo(sessionOf("alice"))));
		server.verify(1, rpcRequested("tools/list").withHeader("Authorization", equalTo("Bearer token-of-bob"))
			.withHeader("MCP-Session-Id", equalTo(sessionOf("bob"))));
		server.verify(0, rpcRequested("tools/list").withHeader("Authorization", equalTo("Bearer token-of-alice"))
			.withHeader("MCP-Session-Id", equalTo(sessionOf("bob"))));
		server.verify(0, rpcRequested("tools/list").withHeader("Authorization", equalTo("Bearer token-of-bob"))
			.withHeader("MCP-Session-Id", equalTo(sessionOf("alice"))));
		assertThat(client.statistics().userSessions()).isEqualTo(2);
		assertThat(client.session().sessionId()).isNull();
	}

	@Test
	void aUserSessionEndedToStayWithinTheMaximumIsDeletedOnTheServer() {
		stubServerFor("alice", "bob");
		server.stubFor(delete(urlEqualTo(McpWireMock.PATH)).willReturn(aResponse().withStatus(200)));
		McpClient client = client(new McpClientSettings.UserSessions(1, Duration.ofMinutes(30)));

		as("alice", client::listTools);
		as("bob", client::listTools);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> server.verify(1,
					deleteRequestedFor(urlEqualTo(McpWireMock.PATH))
						.withHeader("MCP-Session-Id", equalTo(sessionOf("alice")))
						.withHeader("Authorization", equalTo("Bearer token-of-alice"))));
		assertThat(client.statistics().userSessions()).isEqualTo(1);
	}

	private static McpClient client(McpClientSettings.UserSessions bounds) {
		McpClientSettings settings = McpWireMock.settings(server).toBuilder().userSessions(bounds).build();
		return McpClientFactory.builder()
			.blockingCallContext(
					(context) -> (signedIn.get() != null) ? context.put(USER_KEY, signedIn.get()) : context)
			.build()
			.create(settings, McpClientHandlers.none(), new PerUserTokens());
	}

	private static void stubServerFor(String... users) {
		for (String user : users) {
			server.stubFor(rpc("initialize").withHeader("Authorization", equalTo("Bearer token-of-" + user))
				.willReturn(json(initializeResult("2025-11-25")).withHeader("Mcp-Session-Id", sessionOf(user))));
		}
		server.stubFor(rpc("notifications/initialized").willReturn(aResponse().withStatus(202)));
		server.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
	}

	private static String sessionOf(String user) {
		return "session-of-" + user + "-0123456789";
	}

	private static void as(String user, Runnable call) {
		signedIn.set(user);
		try {
			call.run();
		}
		finally {
			signedIn.remove();
		}
	}

	// A token per user, the user named by the context of the call.
	private static final class PerUserTokens implements McpAuthorization {

		@Override
		public Mono<McpCredentials> credentials(AuthorizationRequest request) {
			// The principal of the session, also for requests outside a call, such as the
			// DELETE that ends an idle user's session.
			return Mono.justOrEmpty(request.principal()).map((user) -> McpCredentials.bearer("token-of-" + user));
		}

		@Override
		public Mono<McpCredentials> refused(AuthorizationRequest request, @Nullable McpCredentials sent,
				McpAuthorizationException refusal) {
			return Mono.empty();
		}

		@Override
		public Mono<String> principal(ContextView context) {
			return Mono.justOrEmpty(context.<String>getOrEmpty(USER_KEY));
		}

		@Override
		public boolean isPerPrincipal() {
			return true;
		}

	}

}
