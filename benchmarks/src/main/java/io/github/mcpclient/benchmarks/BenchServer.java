package io.github.mcpclient.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The smallest MCP server the three clients can talk to: stateless, one tool, answering
 * every request on {@code /json} with a JSON body and on {@code /sse} with an event
 * stream that ends right after the answer. It counts the TCP connections it accepts, and
 * runs on its own threads (named {@value #THREAD_PREFIX}) so that their allocation can be
 * left out of the clients'.
 */
final class BenchServer implements AutoCloseable {

	static final String THREAD_PREFIX = "bench-server";

	/** The tool call every client makes, as our client writes it. */
	static final byte[] CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hello\"}}}"
		.getBytes(StandardCharsets.UTF_8);

	private static final String TOOL_RESULT = "{\"content\":[{\"type\":\"text\",\"text\":\"hello\"}],\"isError\":false}";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AtomicLong connections = new AtomicLong();

	private final LoopResources loops = LoopResources.create(THREAD_PREFIX, 2, true);

	private final DisposableServer server;

	BenchServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.doOnChannelInit((observer, channel, address) -> this.connections.incrementAndGet())
			.route((routes) -> routes.post("/json", (request, response) -> answer(request, response, false))
				.post("/sse", (request, response) -> answer(request, response, true))
				.get("/{path}", (request, response) -> response.status(HttpResponseStatus.METHOD_NOT_ALLOWED).send())
				.delete("/{path}", (request, response) -> response.status(HttpResponseStatus.OK).send()))
			.bindNow();
	}

	URI uri(boolean sse) {
		return URI.create("http://127.0.0.1:" + this.server.port() + (sse ? "/sse" : "/json"));
	}

	long connectionsAccepted() {
		return this.connections.get();
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, boolean sse) {
		return request.receive().aggregate().asByteArray().flatMap((bytes) -> {
			JsonNode message = this.mapper.readTree(bytes);
			JsonNode id = message.get("id");
			if (id == null || id.isNull() || !message.has("method")) {
				return response.status(HttpResponseStatus.ACCEPTED).send().then();
			}
			String method = message.get("method").asString();
			String result = switch (method) {
				case "initialize" -> "{\"protocolVersion\":\""
						+ message.path("params").path("protocolVersion").asString("2025-11-25")
						+ "\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"bench\",\"version\":\"1\"}}";
				case "tools/call" -> TOOL_RESULT;
				default -> "{}";
			};
			String json = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}";
			if (sse) {
				byte[] body = ("event: message\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
				return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
					.header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
					// A Flux, so the stream goes out chunked as real servers stream it.
					.sendByteArray(Flux.just(body))
					.then();
			}
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
				.sendByteArray(Mono.just(body))
				.then();
		});
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
