package io.github.mcpclient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.ElicitResult;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.LoggingMessageNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.ECHO_ID;
import static io.github.mcpclient.McpWireMock.PATH;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.sse;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static io.github.mcpclient.McpWireMock.stubPingableServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a server sends of its own accord is the application's business, not the network's:
 * handlers and listeners run off the event loop, so one that blocks holds up no other
 * connection (and a listener not even its own connection's calls), and a flood of
 * requests and notifications on one connection leaves the others their latency.
 */
class ServerStormTests {

	private static final String RESULT = "data: {\"jsonrpc\":\"2.0\",\"id\":" + ECHO_ID
			+ ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}}\n\n";

	@RegisterExtension
	static final WireMockExtension stormy = McpWireMock.extension();

	@RegisterExtension
	static final WireMockExtension calm = McpWireMock.extension();

	private final CountDownLatch release = new CountDownLatch(1);

	private LoopResources loop;

	private ConnectionProvider connections;

	private McpClientFactory factory;

	// One event loop for every connection makes "the other connection" certain to share
	// it with the stormy one, as some always do when connections outnumber loops.
	@BeforeEach
	void oneEventLoop() {
		this.loop = LoopResources.create("storm-test", 1, true);
		this.connections = ConnectionProvider.create("storm-test", 16);
		this.factory = McpClientFactory.builder()
			.webClientBuilder(WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connections).runOn(this.loop))))
			.build();
	}

	@AfterEach
	void releaseResources() {
		this.release.countDown();
		this.connections.disposeLater().block(Duration.ofSeconds(10));
		this.loop.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	@Test
	void aBlockingListenerHoldsUpNeitherItsOwnCallsNorOtherConnections() {
		List<Object> heard = new CopyOnWriteArrayList<>();
		AtomicBoolean blocking = new AtomicBoolean();
		McpNotificationListener stuck = new McpNotificationListener() {
			@Override
			public void onLoggingMessage(String connectionName, LoggingMessageNotification notification) {
				blocking.set(true);
				awaitRelease();
				heard.add(notification.data());
			}
		};
		McpClient flooded = this.factory.create(settings("stormy", stormy, Duration.ofSeconds(10)),
				McpClientHandlers.none().withListeners(List.of(stuck)));
		McpClient other = this.factory.create(settings("calm", calm, Duration.ofSeconds(3)));
		stubHandshake(stormy, null);
		stormy.stubFor(rpc("tools/call").willReturn(sse(logMessage(1) + logMessage(2) + logMessage(3) + RESULT)));
		stubPingableServer(calm, null);

		CallToolResult result = flooded.callTool("work", Map.of());
		await().atMost(Duration.ofSeconds(10)).untilTrue(blocking);
		flooded.callTool("more work", Map.of());
		other.ping();
		other.ping();

		assertThat(result.isError()).isFalse();
		assertThat(heard).isEmpty();
		this.release.countDown();
		// In the order they arrived, none lost.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(heard).containsExactly("1", "2", "3", "1", "2", "3"));
	}

	@Test
	void aHandlerWaitingForItsUserHoldsUpNoOtherConnection() throws Exception {
		McpElicitationHandler waitingForUser = (connectionName, request) -> {
			awaitRelease();
			return ElicitResult.decline();
		};
		McpClient asking = this.factory.create(settings("stormy", stormy, Duration.ofSeconds(30)),
				McpClientHandlers.none().withElicitation(waitingForUser));
		McpClient other = this.factory.create(settings("calm", calm, Duration.ofSeconds(3)));
		stubHandshake(stormy, null);
		stormy.stubFor(rpc("tools/call").willReturn(sse("data: {\"jsonrpc\":\"2.0\",\"id\":\"e-1\","
				+ "\"method\":\"elicitation/create\",\"params\":{\"message\":\"Sure?\",\"requestedSchema\":"
				+ "{\"type\":\"object\",\"properties\":{}}}}\n\n" + RESULT)));
		stormy.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.id", containing("e-1")))
			.willReturn(aResponse().withStatus(202)));
		stubPingableServer(calm, null);
		asking.initialize();

		CompletableFuture<CallToolResult> call = CompletableFuture.supplyAsync(() -> asking.callTool("ask", Map.of()));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> stormy.verify(rpcRequested("tools/call")));
		other.ping();
		other.ping();

		assertThat(call).isNotDone();
		this.release.countDown();
		assertThat(call.get(30, TimeUnit.SECONDS).isError()).isFalse();
		stormy.verify(postRequestedFor(urlEqualTo(PATH))
			.withRequestBody(matchingJsonPath("$.result.action", containing("decline"))));
	}

	@Test
	void aFloodOfServerMessagesOnOneConnectionLeavesOtherConnectionsTheirLatency() throws Exception {
		int notifications = 2000;
		int requests = 200;
		AtomicInteger heard = new AtomicInteger();
		McpNotificationListener counting = new McpNotificationListener() {
			@Override
			public void onLoggingMessage(String connectionName, LoggingMessageNotification notification) {
				heard.incrementAndGet();
			}
		};
		McpClient flooded = this.factory.create(settings("stormy", stormy, Duration.ofSeconds(60)),
				McpClientHandlers.none().withListeners(List.of(counting)));
		// Every call on the calm connection must finish within this, or it fails.
		McpClient other = this.factory.create(settings("calm", calm, Duration.ofSeconds(3)));
		stubHandshake(stormy, null);
		StringBuilder flood = new StringBuilder();
		for (int i = 0; i < notifications; i++) {
			flood.append(logMessage(i));
			if (i % (notifications / requests) == 0) {
				flood.append("data: {\"jsonrpc\":\"2.0\",\"id\":\"s-").append(i).append("\",\"method\":\"ping\"}\n\n");
			}
		}
		stormy.stubFor(rpc("tools/call").willReturn(sse(flood + RESULT)));
		stormy.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.id", containing("s-")))
			.willReturn(aResponse().withStatus(202)));
		stubPingableServer(calm, null);
		flooded.initialize();
		other.ping();

		CompletableFuture<CallToolResult> call = CompletableFuture
			.supplyAsync(() -> flooded.callTool("flood", Map.of()));
		int pings = 0;
		while (!call.isDone() || pings < 3) {
			other.ping();
			pings++;
		}

		assertThat(call.get(60, TimeUnit.SECONDS).isError()).isFalse();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(heard).hasValue(notifications));
		// Every ping answered, none lost in the flood.
		stormy.verify(requests,
				postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.id", containing("s-"))));
		assertThat(other.statistics().failures()).isZero();
	}

	private void awaitRelease() {
		try {
			// Bounded, so a test that fails still gives the event loop back.
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String logMessage(int n) {
		return "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\","
				+ "\"data\":\"" + n + "\"}}\n\n";
	}

	private static McpClientSettings settings(String name, WireMockExtension server, Duration requestTimeout) {
		return McpClientSettings.builder(name, McpWireMock.endpoint(server))
			.era(Era.LEGACY)
			.requestTimeout(requestTimeout)
			.initializeTimeout(Duration.ofSeconds(30))
			.build();
	}

}
