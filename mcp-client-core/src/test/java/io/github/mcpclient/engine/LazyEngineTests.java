package io.github.mcpclient.engine;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.mcpclient.McpWireMock.stubPingableServer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating a client builds none of its engine (session holder, transport, dialects,
 * operators, JSON mapper): an application that configures connections pays for them on
 * the first call. Until then the client still reports its state.
 */
class LazyEngineTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	@Test
	void engineIsBuiltOnTheFirstCallOnly() {
		// Long: the first call of a cold JVM on a busy machine; it ends at the answer.
		McpClient client = McpClientFactory.create()
			.create(McpWireMock.settings(server)
				.toBuilder()
				.initializeTimeout(Duration.ofSeconds(30))
				.requestTimeout(Duration.ofSeconds(30))
				.build());
		LazyReactiveMcpClient reactive = (LazyReactiveMcpClient) client.reactive();

		assertThat(client.name()).isEqualTo("test");
		assertThat(client.session().state()).isEqualTo(SessionState.NEW);
		assertThat(client.session().url()).isEqualTo(McpWireMock.settings(server).url());
		assertThat(client.statistics().requests()).isZero();
		assertThat(reactive.isBuilt()).isFalse();

		stubPingableServer(server, "lazy-engine-0001");
		client.ping();
		assertThat(reactive.isBuilt()).isTrue();
		assertThat(client.session().state()).isEqualTo(SessionState.READY);
		assertThat(client.statistics().requests()).isPositive();
		client.close();
		assertThat(client.session().state()).isEqualTo(SessionState.CLOSED);
	}

	@Test
	void closingAnUnusedClientBuildsNothing() {
		McpClient client = McpClientFactory.create().create(McpWireMock.settings(server));

		client.close();

		assertThat(((LazyReactiveMcpClient) client.reactive()).isBuilt()).isFalse();
		assertThat(client.session().state()).isEqualTo(SessionState.CLOSED);
	}

}
