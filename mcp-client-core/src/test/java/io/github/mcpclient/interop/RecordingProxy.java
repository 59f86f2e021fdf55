package io.github.mcpclient.interop;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP proxy on a loopback port that forwards everything to one real server and
 * records each exchange's request and response heads (header names in the casing they had
 * on the wire) and request body, so tests can assert what went over the wire.
 * <p>
 * Response bodies are streamed through chunk by chunk, never buffered, so SSE streams
 * (including long-lived GET streams) behave as they do without the proxy. The upstream
 * side opens a new connection for every request, so restarting the server behind the
 * proxy leaves no stale pooled connection on either side.
 */
final class RecordingProxy implements AutoCloseable {

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
			"transfer-encoding", "te", "trailer", "upgrade", "host", "content-length");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI upstream;

	private final HttpClient client;

	private final DisposableServer server;

	private final AtomicLong sequence = new AtomicLong();

	private final Map<Long, Exchange> exchanges = new ConcurrentHashMap<>();

	private RecordingProxy(URI upstream) {
		this.upstream = upstream;
		this.client = HttpClient.create(ConnectionProvider.newConnection());
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::forward).bindNow();
	}

	/**
	 * Start a proxy to a server.
	 * @param upstream the server's scheme, host and port
	 * @return the running proxy
	 */
	static RecordingProxy to(URI upstream) {
		return new RecordingProxy(upstream);
	}

	/**
	 * The proxy's address for a path on the server.
	 * @param path the path, such as {@code /mcp}
	 * @return the URL to give the client
	 */
	URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.port() + path);
	}

	/**
	 * The exchanges recorded so far, in the order the requests arrived.
	 * @return the exchanges, including those still waiting for their response head
	 * ({@link Exchange#PENDING})
	 */
	List<Exchange> exchanges() {
		return this.exchanges.values().stream().sorted(Comparator.comparingLong(Exchange::sequence)).toList();
	}

	/**
	 * Whether the server has answered a GET, a client's listening stream, with 200 since
	 * the last {@link #clear()}: from then on it has somewhere to send what belongs to no
	 * request.
	 * @return {@code true} once a listening stream is open
	 */
	boolean listeningStreamAnswered() {
		return this.exchanges.values()
			.stream()
			.anyMatch((exchange) -> "GET".equals(exchange.method()) && exchange.status() == 200);
	}

	void clear() {
		this.exchanges.clear();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private Publisher<Void> forward(HttpServerRequest request, HttpServerResponse response) {
		long sequence = this.sequence.incrementAndGet();
		List<Map.Entry<String, String>> requestHeaders = List.copyOf(request.requestHeaders().entries());
		return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
			// Recorded before forwarding: some servers send no response head on a GET
			// stream
			// until they have an event for it, and such a request is on the wire all the
			// same.
			Exchange pending = new Exchange(sequence, request.method().name(), request.uri(), requestHeaders,
					new String(body, StandardCharsets.UTF_8), Exchange.PENDING, List.of());
			this.exchanges.put(sequence, pending);
			return forward(request, response, body, pending);
		});
	}

	private Mono<Void> forward(HttpServerRequest request, HttpServerResponse response, byte[] body, Exchange pending) {
		return this.client.headers((headers) -> {
			copy(request.requestHeaders(), headers);
			if (body.length > 0) {
				headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
			}
		})
			.request(request.method())
			.uri(this.upstream.resolve(request.uri()).toString())
			.send((upstreamRequest, out) -> (body.length > 0) ? out.sendByteArray(Mono.just(body)) : out)
			.response((upstreamResponse, upstreamBody) -> {
				record(pending.answered(upstreamResponse.status().code(),
						List.copyOf(upstreamResponse.responseHeaders().entries())));
				response.status(upstreamResponse.status());
				copy(upstreamResponse.responseHeaders(), response.responseHeaders());
				if (upstreamResponse.responseHeaders().contains(HttpHeaderNames.CONTENT_LENGTH)) {
					response.header(HttpHeaderNames.CONTENT_LENGTH,
							upstreamResponse.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH));
				}
				return response.send(upstreamBody.retain());
			})
			.then()
			.onErrorResume((ex) -> {
				if (response.hasSentHeaders()) {
					// Cut off mid-stream: cut the client off too, as the server did.
					return Mono.error(ex);
				}
				// The server is down (for example while it restarts): say so like a
				// gateway.
				record(pending.answered(502, List.of()));
				return response.status(HttpResponseStatus.BAD_GATEWAY)
					.sendString(Mono.just("proxy: upstream failed: " + ex))
					.then();
			});
	}

	// An exchange cleared while in flight stays cleared.
	private void record(Exchange answered) {
		this.exchanges.computeIfPresent(answered.sequence(), (sequence, pending) -> answered);
	}

	private static void copy(HttpHeaders from, HttpHeaders to) {
		for (Map.Entry<String, String> header : from) {
			if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
				to.add(header.getKey(), header.getValue());
			}
		}
	}

	/**
	 * One request and the head of its response, as they were on the wire.
	 *
	 * @param sequence the order in which the request arrived
	 * @param method the HTTP method
	 * @param uri the request URI
	 * @param requestHeaders the request headers in their original casing
	 * @param requestBody the request body
	 * @param status the response status, {@link #PENDING} before the response head, 502
	 * when the server could not be reached
	 * @param responseHeaders the response headers in their original casing
	 */
	record Exchange(long sequence, String method, String uri, List<Map.Entry<String, String>> requestHeaders,
			String requestBody, int status, List<Map.Entry<String, String>> responseHeaders) {

		/** The status of an exchange whose response head has not arrived yet. */
		static final int PENDING = 0;

		Exchange answered(int status, List<Map.Entry<String, String>> responseHeaders) {
			return new Exchange(this.sequence, this.method, this.uri, this.requestHeaders, this.requestBody, status,
					responseHeaders);
		}

		@Nullable String requestHeader(String name) {
			return find(this.requestHeaders, name);
		}

		@Nullable String responseHeader(String name) {
			return find(this.responseHeaders, name);
		}

		/**
		 * The name of a request header as the client spelled it.
		 * @param name the name in any casing
		 * @return the name as sent, or {@code null}
		 */
		@Nullable String requestHeaderSpelling(String name) {
			return this.requestHeaders.stream()
				.map(Map.Entry::getKey)
				.filter(name::equalsIgnoreCase)
				.findFirst()
				.orElse(null);
		}

		@Nullable String responseHeaderSpelling(String name) {
			return this.responseHeaders.stream()
				.map(Map.Entry::getKey)
				.filter(name::equalsIgnoreCase)
				.findFirst()
				.orElse(null);
		}

		/**
		 * The JSON-RPC method of a POSTed request or notification.
		 * @return the method, or {@code null} for a response, a GET or a DELETE
		 */
		@Nullable String rpcMethod() {
			if (this.requestBody.isEmpty()) {
				return null;
			}
			JsonNode method = json.readTree(this.requestBody).get("method");
			return (method != null && method.isString()) ? method.asString() : null;
		}

		private static @Nullable String find(List<Map.Entry<String, String>> headers, String name) {
			return headers.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.method + " " + this.uri + " " + rpcMethod() + " -> " + this.status;
		}

	}

}
