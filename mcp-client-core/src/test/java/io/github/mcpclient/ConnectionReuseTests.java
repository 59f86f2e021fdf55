package io.github.mcpclient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.TextContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TCP connections are reused across calls answered with an event stream, as they are for
 * JSON answers: the client reads a request's stream to its end rather than cancelling it
 * at the answer.
 */
class ConnectionReuseTests {

	private static final int CALLS = 20;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger gets = new AtomicInteger();

	private final AtomicInteger closed = new AtomicInteger();

	// Whether streams stay open after their answer, as a misbehaving server's might.
	private volatile boolean keepStreamsOpen;

	private final DisposableServer server = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.doOnChannelInit((observer, channel, address) -> {
			this.connections.incrementAndGet();
			channel.closeFuture().addListener((future) -> this.closed.incrementAndGet());
		})
		.route((routes) -> routes.post("/mcp", this::answer).get("/mcp", (request, response) -> {
			this.gets.incrementAndGet();
			return response.status(HttpResponseStatus.METHOD_NOT_ALLOWED).send();
		}))
		.bindNow();

	@AfterEach
	void stopServer() {
		this.server.disposeNow();
	}

	@Test
	void sequentialCallsAnsweredWithEventStreamsShareConnections() {
		McpClient client = McpClientFactory.create()
			.create(McpClientSettings.builder("reuse", URI.create("http://127.0.0.1:" + this.server.port() + "/mcp"))
				.era(Era.LEGACY)
				.build());
		client.initialize();
		int afterHandshake = this.connections.get();

		for (int i = 0; i < CALLS; i++) {
			var result = client.callTool("echo", Map.of("text", "call " + i));
			assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("ok");
		}

		// The next call may start while the previous stream's last chunk is on its way,
		// so a second connection is allowed; one per call is not.
		assertThat(this.connections.get() - afterHandshake).isLessThanOrEqualTo(2);
		// A stream that delivered its answer and ended is never resumed, even though its
		// events carry ids.
		assertThat(this.gets.get()).isZero();
		client.close();
	}

	@Test
	void streamKeptOpenAfterTheAnswerDoesNotHoldTheCallAndIsClosedAfterABound() {
		McpClient client = McpClientFactory.create()
			.create(McpClientSettings.builder("open", URI.create("http://127.0.0.1:" + this.server.port() + "/mcp"))
				.era(Era.LEGACY)
				.requestTimeout(Duration.ofSeconds(10))
				.build());
		client.initialize();
		this.keepStreamsOpen = true;

		var result = client.callTool("echo", Map.of());

		assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("ok");
		// The stream never ends, so its connection cannot be reused: the client gives it
		// up within its bound rather than holding it forever.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.closed.get()).isPositive());
		client.close();
	}

	// Every request is answered on an event stream, chunked as servers stream it, whose
	// only event carries an id and the answer; the stream ends right after it.
	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asByteArray().flatMap((bytes) -> {
			JsonNode message = this.mapper.readTree(bytes);
			JsonNode id = message.get("id");
			if (id == null || id.isNull()) {
				return response.status(HttpResponseStatus.ACCEPTED).send().then();
			}
			String result = message.get("method").asString().equals("initialize") ? "{\"protocolVersion\":\""
					+ message.path("params").path("protocolVersion").asString()
					+ "\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"reuse\",\"version\":\"1\"}}"
					: "{\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}";
			String event = "id: e" + id + "\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":"
					+ result + "}\n\n";
			return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
				.sendByteArray(Flux.just(event.getBytes(StandardCharsets.UTF_8))
					.concatWith(this.keepStreamsOpen ? Flux.never() : Flux.empty()))
				.then();
		});
	}

}
