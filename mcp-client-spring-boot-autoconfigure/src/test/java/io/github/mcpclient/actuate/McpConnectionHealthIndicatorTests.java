package io.github.mcpclient.actuate;

import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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

class McpConnectionHealthIndicatorTests {

	private static final String URL = "https://weather.example.com/mcp";

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

	@Test
	void readyIsUpWithTheSessionDetails() {
		McpClient client = clientIn("weather", session("weather", URL, SessionState.READY, "s-123456789"), noTraffic());

		Health health = new McpConnectionHealthIndicator(client, false).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", SessionState.READY)
			.containsEntry("protocolVersion", "2025-11-25")
			.containsEntry("serverName", "weather-server");
		verify(client, never()).ping();
	}

	@ParameterizedTest
	@EnumSource(names = { "NEW", "INITIALIZING", "EXPIRED", "CLOSED" })
	void notConnectedButNotFailedIsUnknown(SessionState state) {
		McpClient client = clientIn("weather", session("weather", URL, state, null), noTraffic());

		Health health = new McpConnectionHealthIndicator(client, false).health();

		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("state", state).doesNotContainKey("protocolVersion");
		verify(client, never()).ping();
	}

	@Test
	void failedIsDownWithTheLastError() {
		McpClient client = clientIn("weather", session("weather", URL, SessionState.FAILED, null),
				new McpSessionStatistics(1, 1, 0,
						new McpSessionStatistics.LastError("io.github.mcpclient.exception.McpTransportException",
								"Connection refused", Instant.parse("2026-01-02T03:04:05Z"))));

		Health health = new McpConnectionHealthIndicator(client, false).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", SessionState.FAILED)
			.containsEntry("error", "io.github.mcpclient.exception.McpTransportException: Connection refused");
		verify(client, never()).ping();
	}

	@Test
	void withoutPingNoRequestReachesTheServer() {
		StubMcpServer.stub(server, "s-123456789");
		McpClient client = StubMcpServer.client("weather", server);

		Health health = new McpConnectionHealthIndicator(client, false).health();

		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void withPingAnAnsweringServerIsUp() {
		StubMcpServer.stub(server, "s-123456789");
		McpClient client = StubMcpServer.client("weather", server);

		Health health = new McpConnectionHealthIndicator(client, true).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", SessionState.READY)
			.containsEntry("protocolVersion", "2025-11-25")
			.containsEntry("serverName", "weather-server");
		server.verify(1,
				postRequestedFor(urlEqualTo("/mcp")).withRequestBody(matchingJsonPath("$.method", equalTo("ping"))));
	}

	@Test
	void withPingAServerThatFailsThePingIsDownEvenWhenTheSessionIsReady() {
		StubMcpServer.stub(server, "s-123456789");
		McpClient client = StubMcpServer.client("weather", server);
		client.initialize();
		server.stubFor(StubMcpServer.rpc("ping").willReturn(aResponse().withStatus(503)));

		Health health = new McpConnectionHealthIndicator(client, true).health();

		assertThat(client.session().state()).isEqualTo(SessionState.READY);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKey("error").containsEntry("state", SessionState.READY);
		assertThat(new McpConnectionHealthIndicator(client, false).health().getStatus()).isEqualTo(Status.UP);
	}

}
