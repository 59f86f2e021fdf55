package io.github.mcpclient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.Era;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.mcpclient.McpWireMock.TOOLS;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static io.github.mcpclient.McpWireMock.stubPingableServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A compressed response can inflate a thousandfold: the client asks for none, refuses
 * what it can see was compressed anyway, and stops reading at its size limit when a
 * connector inflates before the client sees the body, so that such a response fails its
 * own call quickly and costs other connections nothing.
 */
class CompressedResponseTests {

	private static final String SESSION = "hostile-session-0123456789";

	// About 1 MiB on the wire, 1 GiB inflated: what a "gzip bomb" looks like.
	private static byte[] bomb;

	@RegisterExtension
	static final WireMockExtension hostile = WireMockExtension.newInstance()
		.options(options().dynamicPort().gzipDisabled(true))
		.build();

	@RegisterExtension
	static final WireMockExtension calm = McpWireMock.extension();

	private LoopResources loop;

	private ConnectionProvider connections;

	@BeforeAll
	static void makeBomb() {
		bomb = GzipBomb.zeros(1L << 30);
	}

	@AfterEach
	void releaseResources() {
		if (this.connections != null) {
			this.connections.disposeLater().block(Duration.ofSeconds(10));
		}
		if (this.loop != null) {
			this.loop.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}
	}

	@Test
	void requestsAskForNoCompression() {
		stubPingableServer(calm, null);

		// Spring's default connector and Boot's both ask for gzip unless told otherwise.
		McpWireMock.blockingClient(calm).ping();

		calm.verify(3, anyRequestedFor(anyUrl()).withHeader("Accept-Encoding", equalTo("identity")));
	}

	@Test
	void aCompressedResponseThatWasNotInflatedIsRefusedUnread() {
		// A connector that inflates nothing, such as Reactor Netty's own default.
		this.connections = ConnectionProvider.create("plain", 4);
		WebClient.Builder plain = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connections)));
		McpClient client = McpClientFactory.builder()
			.webClientBuilder(plain)
			.build()
			.create(settings("hostile", hostile));
		stubHandshake(hostile, SESSION);
		hostile.stubFor(rpc("tools/list").willReturn(gzipBomb("application/json", 200)));

		assertThatExceptionOfType(McpTransportException.class).isThrownBy(client::listTools).satisfies((ex) -> {
			assertThat(ex.getMessage()).startsWith("MCP connection 'hostile', method 'tools/list': ")
				.contains("Content-Encoding: gzip");
			assertThat(ex.getBodyExcerpt()).isNull();
		});
		hostile.stubFor(rpc("tools/list").willReturn(json(TOOLS)));
		assertThat(client.listTools().tools()).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource
	void aCompressionBombFailsOnlyItsOwnCallAndOtherConnectionsKeepTheirLatency(Bomb kind) throws Exception {
		// Spring's and Boot's default connectors inflate gzip on the event loop. One
		// event loop for both connections makes "the other connection" certain to share
		// it, as some always do in an application with more connections than loops.
		this.loop = LoopResources.create("bomb-test", 1, true);
		this.connections = ConnectionProvider.create("bomb-test", 16);
		WebClient.Builder inflating = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(
					HttpClient.create(this.connections).runOn(this.loop).compress(true)));
		McpClientFactory factory = McpClientFactory.builder().webClientBuilder(inflating).build();
		McpClient bombed = factory.create(settings("hostile", hostile));
		// Every call on the calm connection must finish within this, or it fails.
		McpClient other = factory
			.create(settings("calm", calm).toBuilder().requestTimeout(Duration.ofSeconds(3)).build());
		stubHandshake(hostile, SESSION);
		hostile.stubFor(rpc(kind.method).willReturn(kind.response.get()));
		stubPingableServer(calm, "calm-session-0123456789");
		bombed.initialize();
		other.ping();

		CompletableFuture<Throwable> bombCall = CompletableFuture
			.supplyAsync(() -> catchThrowable(() -> kind.call.accept(bombed)));
		int pings = 0;
		while (!bombCall.isDone() || pings < 3) {
			other.ping();
			pings++;
		}

		assertThat(bombCall.get(30, TimeUnit.SECONDS)).isInstanceOf(McpTransportException.class)
			.hasMessageStartingWith("MCP connection 'hostile', method '" + kind.method + "': ");
		assertThat(other.statistics().failures()).isZero();
	}

	private static McpClientSettings settings(String name, WireMockExtension server) {
		return McpClientSettings.builder(name, McpWireMock.endpoint(server))
			.era(Era.LEGACY)
			.requestTimeout(Duration.ofSeconds(60))
			.initializeTimeout(Duration.ofSeconds(30))
			.build();
	}

	private static ResponseDefinitionBuilder gzipBomb(String contentType, int status) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", contentType)
			.withHeader("Content-Encoding", "gzip")
			.withBody(bomb);
	}

	enum Bomb {

		JSON_RESULT("tools/list", () -> gzipBomb("application/json", 200), McpClient::listTools),

		EVENT_STREAM("tools/list", () -> gzipBomb("text/event-stream", 200), McpClient::listTools),

		ERROR_PAGE("tools/list", () -> gzipBomb("text/html", 500), McpClient::listTools),

		SESSION_GONE("tools/list", () -> gzipBomb("text/html", 404), McpClient::listTools),

		ACCEPTED_NOTIFICATION("notifications/custom", () -> gzipBomb("application/json", 200),
				(client) -> client.notify("notifications/custom", Map.of()));

		private final String method;

		private final Supplier<ResponseDefinitionBuilder> response;

		private final Consumer<McpClient> call;

		Bomb(String method, Supplier<ResponseDefinitionBuilder> response, Consumer<McpClient> call) {
			this.method = method;
			this.response = response;
			this.call = call;
		}

	}

}
