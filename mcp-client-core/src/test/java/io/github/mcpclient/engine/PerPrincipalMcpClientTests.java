package io.github.mcpclient.engine;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.auth.AuthorizationRequest;
import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.auth.McpCredentials;
import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.session.SessionState;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * One session per user, bounded in number and idle time.
 */
class PerPrincipalMcpClientTests {

	private static final String USER = "user";

	private final MovableClock clock = new MovableClock();

	private final Map<String, ReactiveMcpClient> created = new ConcurrentHashMap<>();

	private final List<String> creations = new CopyOnWriteArrayList<>();

	@Test
	void eachUserGetsASessionOfTheirOwnAndKeepsIt() {
		PerPrincipalMcpClient client = client(McpClientSettings.UserSessions.DEFAULTS);

		call(client, "alice");
		call(client, "bob");
		call(client, "alice");

		assertThat(this.creations).containsExactly("alice", "bob");
		verifyCalls("alice", 2);
		verifyCalls("bob", 1);
		assertThat(client.statistics().userSessions()).isEqualTo(2);
	}

	@Test
	void aCallWithoutAUserFailsNamingTheConnectionAndMethodAndStartsNoSession() {
		PerPrincipalMcpClient client = client(McpClientSettings.UserSessions.DEFAULTS);

		assertThatExceptionOfType(McpAuthorizationException.class)
			.isThrownBy(() -> client.callTool("add", Map.of()).block())
			.withMessageContaining("'per-user'")
			.withMessageContaining("'tools/call'")
			.withMessageContaining("no signed-in user");
		assertThat(this.creations).isEmpty();
	}

	@Test
	void beyondTheMaximumTheLeastRecentlyUsedIdleSessionIsEnded() {
		PerPrincipalMcpClient client = client(new McpClientSettings.UserSessions(2, Duration.ofMinutes(30)));

		call(client, "alice");
		this.clock.advance(Duration.ofSeconds(1));
		call(client, "bob");
		this.clock.advance(Duration.ofSeconds(1));
		call(client, "alice");
		this.clock.advance(Duration.ofSeconds(1));
		call(client, "carol");

		verify(this.created.get("bob")).close();
		verify(this.created.get("alice"), never()).close();
		assertThat(client.statistics().userSessions()).isEqualTo(2);
		call(client, "bob");
		assertThat(this.creations).containsExactly("alice", "bob", "carol", "bob");
	}

	@Test
	void aSessionInUseIsNotEndedToMakeRoom() {
		PerPrincipalMcpClient client = client(new McpClientSettings.UserSessions(1, Duration.ofMinutes(30)));
		Sinks.One<CallToolResult> slow = Sinks.one();
		this.pending.put("alice", slow.asMono());
		Mono<CallToolResult> aliceCall = as(client.callTool("add", Map.of()), "alice").cache();
		aliceCall.subscribe();

		call(client, "bob");

		verify(this.created.get("alice"), never()).close();
		// Bob's call found no idle session to end; the bound is met again as it finishes.
		verify(this.created.get("bob")).close();
		assertThat(client.statistics().userSessions()).isEqualTo(1);
		slow.tryEmitValue(new CallToolResult(List.of(), null, false, null));
		assertThat(aliceCall.block()).isNotNull();
		call(client, "carol");
		verify(this.created.get("alice")).close();
	}

	@Test
	void sessionsIdleLongerThanTheTimeoutAreEndedAndCountedNoMore() {
		PerPrincipalMcpClient client = client(new McpClientSettings.UserSessions(10, Duration.ofMinutes(5)));
		call(client, "alice");
		this.clock.advance(Duration.ofMinutes(4));
		call(client, "bob");
		this.clock.advance(Duration.ofMinutes(2));

		client.endIdleSessions();

		verify(this.created.get("alice")).close();
		verify(this.created.get("bob"), never()).close();
		McpSessionStatistics statistics = client.statistics();
		assertThat(statistics.userSessions()).isEqualTo(1);
		assertThat(statistics.requests()).as("the ended session's requests still count").isEqualTo(2);
	}

	@Test
	void theConnectionsSessionNeverShowsAUsersSessionId() {
		PerPrincipalMcpClient client = client(McpClientSettings.UserSessions.DEFAULTS);
		assertThat(client.session().state()).isEqualTo(SessionState.NEW);

		call(client, "alice");

		McpSession session = client.session();
		assertThat(session.state()).isEqualTo(SessionState.READY);
		assertThat(session.protocolVersion()).isEqualTo("2025-11-25");
		assertThat(session.sessionId()).isNull();
	}

	@Test
	void closingEndsEveryUsersSession() {
		PerPrincipalMcpClient client = client(McpClientSettings.UserSessions.DEFAULTS);
		call(client, "alice");
		call(client, "bob");

		client.close().block();

		verify(this.created.get("alice")).close();
		verify(this.created.get("bob")).close();
		assertThat(client.statistics().userSessions()).isZero();
	}

	private final Map<String, Mono<CallToolResult>> pending = new ConcurrentHashMap<>();

	private PerPrincipalMcpClient client(McpClientSettings.UserSessions bounds) {
		McpClientSettings settings = McpClientSettings.builder("per-user", URI.create("http://localhost/mcp"))
			.userSessions(bounds)
			.build();
		return new PerPrincipalMcpClient(settings, new ContextUser(), this::session, this.clock, Schedulers.parallel());
	}

	private ReactiveMcpClient session(String principal) {
		ReactiveMcpClient session = mock(ReactiveMcpClient.class);
		given(session.callTool(anyString(), anyMap())).willAnswer((invocation) -> this.pending.getOrDefault(principal,
				Mono.just(new CallToolResult(List.of(), null, false, null))));
		given(session.close()).willReturn(Mono.empty());
		given(session.statistics()).willReturn(new McpSessionStatistics(1, 0, 0, null));
		given(session.session()).willReturn(new McpSession("per-user", URI.create("http://localhost/mcp"),
				SessionState.READY, null, "2025-11-25", "secret-session-of-" + principal, null, null, null,
				Instant.now(this.clock), Instant.now(this.clock)));
		this.created.put(principal, session);
		this.creations.add(principal);
		return session;
	}

	private void call(PerPrincipalMcpClient client, String user) {
		this.pending.remove(user);
		assertThat(as(client.callTool("add", Map.of()), user).block()).isNotNull();
	}

	private void verifyCalls(String user, int times) {
		verify(this.created.get(user), org.mockito.Mockito.times(times)).callTool(any(), anyMap());
	}

	private static <T> Mono<T> as(Mono<T> call, String user) {
		return call.contextWrite((context) -> context.put(USER, user));
	}

	// Per-user credentials whose principal is a context entry.
	private static final class ContextUser implements McpAuthorization {

		@Override
		public Mono<McpCredentials> credentials(AuthorizationRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<McpCredentials> refused(AuthorizationRequest request, @Nullable McpCredentials sent,
				McpAuthorizationException refusal) {
			return Mono.empty();
		}

		@Override
		public Mono<String> principal(ContextView context) {
			return Mono.justOrEmpty(context.<String>getOrEmpty(USER));
		}

		@Override
		public boolean isPerPrincipal() {
			return true;
		}

	}

	private static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
