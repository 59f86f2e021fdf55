package io.github.mcpclient.actuate;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.actuate.McpEndpoint.AuthorizationDescriptor;
import io.github.mcpclient.actuate.McpEndpoint.ConnectionDescriptor;
import io.github.mcpclient.auth.McpAuthorizationState;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.session.SessionIds;
import io.github.mcpclient.session.SessionState;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.mcpclient.actuate.StubMcpServer.clientIn;
import static io.github.mcpclient.actuate.StubMcpServer.noTraffic;
import static io.github.mcpclient.actuate.StubMcpServer.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class McpEndpointTests {

	private static final String SESSION_ID = "c0ffee42-9a7b-4d1e-8f00-1234567890ab";

	private static final String URL = "https://weather.example.com/mcp";

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

	@Test
	void describesEveryFieldAfterARealExchange() {
		StubMcpServer.stub(server, SESSION_ID);
		McpClient client = StubMcpServer.client("weather", server);
		client.ping();

		ConnectionDescriptor connection = endpoint(Show.NEVER, client).connection(SecurityContext.NONE, "weather");

		assertThat(connection).isNotNull();
		assertThat(connection.name()).isEqualTo("weather");
		assertThat(connection.url()).isEqualTo(server.baseUrl() + "/mcp");
		assertThat(connection.state()).isEqualTo(SessionState.READY);
		assertThat(connection.era()).isEqualTo(Era.LEGACY);
		assertThat(connection.protocolVersion()).isEqualTo("2025-11-25");
		assertThat(connection.sessionId()).isEqualTo("c0ff****");
		assertThat(connection.sessionIdFingerprint()).isEqualTo(SessionIds.fingerprint(SESSION_ID)).hasSize(12);
		assertThat(connection.serverName()).isEqualTo("weather-server");
		assertThat(connection.serverVersion()).isEqualTo("2.1.0");
		assertThat(connection.establishedAt()).isNotNull();
		assertThat(connection.lastActivityAt()).isNotNull().isAfterOrEqualTo(connection.establishedAt());
		// initialize, notifications/initialized and ping
		assertThat(connection.requests()).isEqualTo(3);
		assertThat(connection.failures()).isZero();
		assertThat(connection.reinitializations()).isZero();
		assertThat(connection.lastError()).isNull();
	}

	@Test
	void neverShowsAMaskedSessionIdWithItsFingerprint() {
		ConnectionDescriptor connection = endpoint(Show.NEVER, ready("weather")).connection(user("ops", "ACTUATOR"),
				"weather");

		assertThat(connection.sessionId()).isEqualTo("c0ff****").doesNotContain(SESSION_ID.substring(4));
		assertThat(connection.sessionIdFingerprint()).isEqualTo(SessionIds.fingerprint(SESSION_ID));
	}

	@Test
	void alwaysShowsTheFullSessionIdEvenToAnonymousCallers() {
		ConnectionDescriptor connection = endpoint(Show.ALWAYS, ready("weather")).connection(SecurityContext.NONE,
				"weather");

		assertThat(connection.sessionId()).isEqualTo(SESSION_ID);
		assertThat(connection.sessionIdFingerprint()).isEqualTo(SessionIds.fingerprint(SESSION_ID));
	}

	@Test
	void whenAuthorizedShowsTheFullSessionIdToAUserInARequiredRole() {
		McpEndpoint endpoint = endpoint(Show.WHEN_AUTHORIZED, Set.of("MCP_ADMIN"), ready("weather"));

		assertThat(endpoint.connection(user("ops", "MCP_ADMIN"), "weather").sessionId()).isEqualTo(SESSION_ID);
		assertThat(endpoint.connections(user("ops", "MCP_ADMIN")).connections().get("weather").sessionId())
			.isEqualTo(SESSION_ID);
	}

	@Test
	void whenAuthorizedMasksTheSessionIdForAUserWithoutARequiredRole() {
		McpEndpoint endpoint = endpoint(Show.WHEN_AUTHORIZED, Set.of("MCP_ADMIN"), ready("weather"));

		assertThat(endpoint.connection(user("guest", "VIEWER"), "weather").sessionId()).isEqualTo("c0ff****");
		assertThat(endpoint.connections(user("guest", "VIEWER")).connections().get("weather").sessionId())
			.isEqualTo("c0ff****");
	}

	@Test
	void whenAuthorizedMasksTheSessionIdForAnonymousCallers() {
		McpEndpoint endpoint = endpoint(Show.WHEN_AUTHORIZED, Set.of(), ready("weather"));

		assertThat(endpoint.connection(SecurityContext.NONE, "weather").sessionId()).isEqualTo("c0ff****");
	}

	@Test
	void whenAuthorizedWithoutRolesShowsTheFullSessionIdToAnyAuthenticatedUser() {
		McpEndpoint endpoint = endpoint(Show.WHEN_AUTHORIZED, Set.of(), ready("weather"));

		assertThat(endpoint.connection(user("guest"), "weather").sessionId()).isEqualTo(SESSION_ID);
	}

	@Test
	void statelessLegacyConnectionReadsAsNoneWithoutFingerprint() {
		McpClient stateless = clientIn("files", session("files", URL, SessionState.READY, null), noTraffic());

		ConnectionDescriptor connection = endpoint(Show.ALWAYS, stateless).connection(SecurityContext.NONE, "files");

		assertThat(connection.sessionId()).isEqualTo("none");
		assertThat(connection.sessionIdFingerprint()).isNull();
	}

	@Test
	void connectionNotConnectedYetShowsNoSessionId() {
		McpClient fresh = clientIn("files", session("files", URL, SessionState.NEW, null), noTraffic());

		assertThat(endpoint(Show.ALWAYS, fresh).connection(SecurityContext.NONE, "files").sessionId()).isNull();
	}

	@Test
	void urlLosesItsUserInfoWhateverShowValuesSays() {
		McpClient client = clientIn("weather", session("weather",
				"https://bot:s3cret@weather.example.com:8443/mcp?tenant=a%20b#x", SessionState.NEW, null), noTraffic());

		ConnectionDescriptor connection = endpoint(Show.ALWAYS, client).connection(SecurityContext.NONE, "weather");

		assertThat(connection.url()).isEqualTo("https://weather.example.com:8443/mcp?tenant=a%20b#x");
	}

	@Test
	void urlWithoutUserInfoIsShownAsConfigured() {
		assertThat(McpEndpoint.withoutUserInfo(URI.create("http://[::1]:9000/mcp"))).isEqualTo("http://[::1]:9000/mcp");
		assertThat(McpEndpoint.withoutUserInfo(URI.create("http://u@[::1]/mcp"))).isEqualTo("http://[::1]/mcp");
	}

	@Test
	void lastErrorShowsTypeMessageAndTime() {
		Instant at = Instant.parse("2026-01-02T03:04:07Z");
		McpClient client = clientIn("weather", session("weather", URL, SessionState.FAILED, null),
				new McpSessionStatistics(4, 1, 0, new McpSessionStatistics.LastError(
						"io.github.mcpclient.exception.McpTimeoutException", "timed out", at)));

		ConnectionDescriptor connection = endpoint(Show.NEVER, client).connection(SecurityContext.NONE, "weather");

		assertThat(connection.state()).isEqualTo(SessionState.FAILED);
		assertThat(connection.failures()).isEqualTo(1);
		assertThat(connection.lastError()).isEqualTo(new McpEndpoint.LastErrorDescriptor(
				"io.github.mcpclient.exception.McpTimeoutException", "timed out", at));
	}

	@Test
	void connectionsKeepConfigurationOrder() {
		McpEndpoint endpoint = endpoint(Show.NEVER, ready("zeta"), ready("alpha"), ready("mid"));

		assertThat(endpoint.connections(SecurityContext.NONE).connections()).containsOnlyKeys("zeta", "alpha", "mid")
			.extractingFromEntries(Map.Entry::getKey)
			.containsExactly("zeta", "alpha", "mid");
	}

	@Test
	void unknownNameIsNotFound() {
		McpClient weather = ready("weather");
		McpEndpoint endpoint = endpoint(Show.ALWAYS, weather);

		assertThat(endpoint.connection(SecurityContext.NONE, "nope")).isNull();
		assertThat(endpoint.closeSession("nope")).isFalse();
		verify(weather, never()).close();
	}

	@Test
	void closeSessionEndsItOnTheServerAndTheNextCallStartsANewOne() {
		StubMcpServer.stub(server, SESSION_ID);
		McpClient client = StubMcpServer.client("weather", server);
		McpEndpoint endpoint = endpoint(Show.NEVER, client);
		client.ping();

		assertThat(endpoint.closeSession("weather")).isTrue();

		server.verify(1, deleteRequestedFor(urlEqualTo("/mcp")).withHeader("MCP-Session-Id", equalTo(SESSION_ID)));
		ConnectionDescriptor closed = endpoint.connection(SecurityContext.NONE, "weather");
		assertThat(closed.state()).isEqualTo(SessionState.CLOSED);
		assertThat(closed.sessionId()).isNull();
		assertThat(closed.sessionIdFingerprint()).isNull();

		client.ping();

		server.verify(2, postRequestedFor(urlEqualTo("/mcp"))
			.withRequestBody(matchingJsonPath("$.method", equalTo("initialize"))));
		ConnectionDescriptor reopened = endpoint.connection(SecurityContext.NONE, "weather");
		assertThat(reopened.state()).isEqualTo(SessionState.READY);
		assertThat(reopened.sessionIdFingerprint()).isEqualTo(SessionIds.fingerprint(SESSION_ID));
		assertThat(reopened.reinitializations()).isEqualTo(1);
	}

	@Test
	void showsAnAuthorizedConnectionsStateAndLeavesOutThatOfOneWithoutAuthorization() {
		Instant expiry = Instant.parse("2026-11-29T13:00:00Z");
		McpAuthorizationState perUser = new McpAuthorizationState("authorization-code", true,
				"https://auth.example.com", Set.of("b", "a"), expiry, 2);
		McpEndpoint endpoint = new McpEndpoint(
				new McpClients(List.of(ready("users"), ready("plain")), Duration.ofSeconds(1)), Show.ALWAYS, Set.of(),
				(name) -> "users".equals(name) ? perUser : McpAuthorizationState.NONE);
		AuthorizationDescriptor users = endpoint.connection(SecurityContext.NONE, "users").authorization();
		assertThat(users).isEqualTo(new AuthorizationDescriptor("authorization-code", true, "https://auth.example.com",
				Set.of("a", "b"), expiry, 2));
		assertThat(users.scopes()).containsExactly("a", "b");
		assertThat(endpoint.connection(SecurityContext.NONE, "plain").authorization()).isNull();
		assertThat(endpoint(Show.ALWAYS, ready("old")).connection(SecurityContext.NONE, "old").authorization())
			.isNull();
	}

	private static McpClient ready(String name) {
		return clientIn(name, session(name, URL, SessionState.READY, SESSION_ID), noTraffic());
	}

	private static McpEndpoint endpoint(Show show, McpClient... clients) {
		return endpoint(show, Set.of(), clients);
	}

	private static McpEndpoint endpoint(Show show, Set<String> roles, McpClient... clients) {
		return new McpEndpoint(new McpClients(List.of(clients), Duration.ofSeconds(1)), show, roles);
	}

	private static SecurityContext user(String name, String... roles) {
		Principal principal = () -> name;
		return new SecurityContext() {

			@Override
			public @Nullable Principal getPrincipal() {
				return principal;
			}

			@Override
			public boolean isUserInRole(String role) {
				return List.of(roles).contains(role);
			}

		};
	}

	@Test
	void statelessConnectionReadsAsNoneWithoutFingerprint() {
		McpSession modern = new McpSession("stateless", URI.create("http://localhost/mcp"), SessionState.READY,
				Era.MODERN, "2026-07-28", null, new Implementation("modern-server", "1.0"), null, null, Instant.now(),
				Instant.now());
		McpClient client = clientIn("stateless", modern, noTraffic());

		ConnectionDescriptor connection = endpoint(Show.ALWAYS, client).connection(SecurityContext.NONE, "stateless");

		assertThat(connection.era()).isEqualTo(Era.MODERN);
		assertThat(connection.protocolVersion()).isEqualTo("2026-07-28");
		assertThat(connection.sessionId()).isEqualTo("none");
		assertThat(connection.sessionIdFingerprint()).isNull();
	}

}
