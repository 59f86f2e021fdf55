package io.github.mcpclient.transport;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.exception.InvalidMessageException;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.exception.McpSessionExpiredException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.exception.SseLimitExceededException;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.transport.sse.SseEvent;
import io.github.mcpclient.transport.sse.SseEventParser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Streamable HTTP transport of one connection: POSTs JSON-RPC messages to the MCP
 * endpoint and reads the answer as a JSON body or an SSE stream.
 * <p>
 * The {@link WebClient} must carry the connection's {@link McpSessionFilter}; this class
 * marks every request with the MCP method so the filter can do its work.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http">Streamable
 * HTTP</a>
 * @since 0.1.0
 */
public final class StreamableHttpTransport {

	/** Label used in errors for the DELETE that ends a session. */
	public static final String CLOSE = "close";

	/** Label used in errors for the GET stream of server-initiated messages. */
	public static final String LISTEN = "listen";

	private static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

	private static final String MESSAGE_EVENT = "message";

	// Header values as text: the typed setters format media types on every request.
	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private static final String EVENT_STREAM = MediaType.TEXT_EVENT_STREAM_VALUE;

	private static final String JSON_OR_EVENT_STREAM = JSON + ", " + EVENT_STREAM;

	// How long a request's event stream may go on after its answer before its connection
	// is given up rather than reused; servers end it right after the answer.
	private static final Duration DRAIN_BOUND = Duration.ofSeconds(2);

	// How much of it may arrive: reading more would cost more than a new connection.
	static final long DRAIN_BYTES = 64 * 1024;

	private final URI endpoint;

	private final Supplier<WebClient> webClientSupplier;

	private volatile @Nullable WebClient webClient;

	private final JsonRpcCodec codec;

	private final McpClientSettings.Limits limits;

	private final TransportFailures failures;

	private final SessionBinding session;

	/**
	 * Create the transport of one connection.
	 * @param settings the connection's settings: its name, endpoint, limits, and the
	 * headers whose values are kept out of every error
	 * @param webClient the client, carrying the connection's {@link McpSessionFilter}
	 * @param codec the JSON-RPC codec
	 * @param session the connection's session
	 */
	public StreamableHttpTransport(McpClientSettings settings, WebClient webClient, JsonRpcCodec codec,
			SessionBinding session) {
		this(settings, () -> webClient, codec, session);
	}

	/**
	 * Create the transport of one connection, whose {@link WebClient} is built on its
	 * first exchange, so that an application that configures a connection pays for the
	 * HTTP client (its connector, codecs and their classes) only when it makes a call.
	 * @param settings the connection's settings: its name, endpoint, limits, and the
	 * headers whose values are kept out of every error
	 * @param webClient builds the client, which must carry the connection's
	 * {@link McpSessionFilter}; called once
	 * @param codec the JSON-RPC codec
	 * @param session the connection's session
	 */
	public StreamableHttpTransport(McpClientSettings settings, Supplier<WebClient> webClient, JsonRpcCodec codec,
			SessionBinding session) {
		this.endpoint = settings.url();
		this.webClientSupplier = webClient;
		this.codec = codec;
		this.limits = settings.limits();
		this.session = session;
		Redactor redactor = new Redactor(() -> session.current().sessionId(), settings.headers());
		this.failures = new TransportFailures(settings.connectionName(), this.endpoint, redactor, codec);
	}

	/**
	 * POST one message and stream back what the server answers: nothing for an accepted
	 * notification or response, one message for a JSON body, any number for an SSE
	 * stream. When the SSE stream answering a request ends early, the transport waits the
	 * server's retry delay and resumes it with a GET carrying {@code Last-Event-ID};
	 * callers cancel once they have what they wait for.
	 * @param message the message to send
	 * @param method the MCP method the exchange belongs to, for the filter and errors
	 * @return the messages the server sent back
	 */
	public Flux<JsonRpcMessage> post(JsonRpcMessage message, String method) {
		return post(message, method, HttpHeaders.EMPTY, message instanceof JsonRpcRequest);
	}

	/**
	 * POST one message with extra headers, as the modern protocol era requires.
	 * @param message the message to send
	 * @param method the MCP method the exchange belongs to
	 * @param headers headers to add to the request
	 * @param resumable whether an event stream that ends early is resumed with
	 * {@code Last-Event-ID}, which only the legacy era offers
	 * @return the messages the server sent back
	 */
	public Flux<JsonRpcMessage> post(JsonRpcMessage message, String method, HttpHeaders headers, boolean resumable) {
		return send(message instanceof JsonRpcRequest, () -> this.codec.write(message), method, headers, resumable,
				null);
	}

	/**
	 * POST a request and stream back what the server sends up to and including the answer
	 * to it. An event stream that goes on after the answer is read to its end in the
	 * background (within a bound) rather than cancelled, so that its connection is
	 * reused; a subscriber that cancels before the answer cancels the exchange at once.
	 * The request is written once, here, straight from the parameters as given, and sent
	 * as written however often the exchange is subscribed.
	 * @param id the request's id
	 * @param method the MCP method, also the request's method
	 * @param params the parameters (any value the codec's mapper can write), or
	 * {@code null} for none
	 * @param headers headers to add to the request
	 * @param resumable whether an event stream that ends early is resumed with
	 * {@code Last-Event-ID}
	 * @return the messages the server sent back, ending with the answer when it came
	 */
	public Flux<JsonRpcMessage> request(JsonNode id, String method, @Nullable Object params, HttpHeaders headers,
			boolean resumable) {
		byte[] body = this.codec.writeRequest(id, method, params);
		return send(true, () -> body, method, headers, resumable, id);
	}

	private Flux<JsonRpcMessage> send(boolean request, Supplier<byte[]> body, String method, HttpHeaders headers,
			boolean resumable, @Nullable JsonNode answerId) {
		SseStreamState stream = new SseStreamState();
		Flux<JsonRpcMessage> answer = Flux.defer(() -> webClient().post()
			.uri(this.endpoint)
			.attribute(McpSessionFilter.METHOD_ATTRIBUTE, method)
			// One consumer for all headers: header(name, values...) takes an array each.
			.headers((requestHeaders) -> {
				requestHeaders.addAll(headers);
				McpSessionFilter.putSessionHeaders(method, this.session.current(), requestHeaders);
				requestHeaders.add(WireNames.CONTENT_TYPE, JSON);
				requestHeaders.add(WireNames.ACCEPT, JSON_OR_EVENT_STREAM);
				requestHeaders.add(WireNames.ACCEPT_ENCODING, ResponseBodies.IDENTITY);
			})
			.bodyValue(body.get())
			.exchangeToFlux(
					(response) -> request ? read(response, method, stream, answerId) : accepted(response, method)));
		if (request && resumable) {
			answer = answer.concatWith(Flux.defer(() -> resume(method, stream, 1, answerId)));
		}
		return answer.onErrorMap((ex) -> !(ex instanceof McpException), (ex) -> this.failures.io(ex, method));
	}

	// A notification or response expects 202 and no body; some servers answer 200 with
	// a body of their own, which carries nothing the client needs.
	private Flux<JsonRpcMessage> accepted(ClientResponse response, String method) {
		String coding = ResponseBodies.contentCoding(response);
		if (coding != null) {
			return refuse(response, method, coding);
		}
		if (response.statusCode().isError() || response.statusCode().is3xxRedirection()) {
			return ResponseBodies.excerpt(response, TransportFailures.EXCERPT_BYTES)
				.flatMapMany((excerpt) -> Flux.error(this.failures.http(response, excerpt, method)));
		}
		return ResponseBodies.discard(response, this.limits.maxBodyBytes())
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(response, method, ex))
			.thenMany(Flux.empty());
	}

	// MCP needs no compression and the client asks for none. A server that compresses
	// anyway chooses how much memory and time inflating costs this client; when no
	// decompressor in the connector has inflated the body, it is refused unread.
	private Flux<JsonRpcMessage> refuse(ClientResponse response, String method, String coding) {
		return ResponseBodies.discard(response, 0)
			.onErrorComplete()
			.thenMany(Flux.error(this.failures.failure(method, response.statusCode().value(),
					"server compressed its response (Content-Encoding: " + coding
							+ ") although the client asked for none; refused unread",
					null, null)));
	}

	private McpTransportException tooLarge(ClientResponse response, String method, Throwable ex) {
		return this.failures.failure(method, response.statusCode().value(),
				"response body exceeds the limit of " + this.limits.maxBodyBytes() + " bytes", null, ex);
	}

	/**
	 * Open the GET stream on which the server sends messages of its own accord. A server
	 * that offers none answers 405, reported as an {@link McpTransportException} with
	 * that status.
	 * @param stream the stream's state, kept across reconnections so they resume where
	 * the last one ended
	 * @param onResponse called when the server's response status arrives, before any
	 * event
	 * @return the messages, until the server ends the stream
	 */
	public Flux<JsonRpcMessage> listen(SseStreamState stream, Runnable onResponse) {
		return get(LISTEN, stream, onResponse, null).onErrorMap((ex) -> !(ex instanceof McpException),
				(ex) -> this.failures.io(ex, LISTEN));
	}

	private Flux<JsonRpcMessage> resume(String method, SseStreamState stream, int attempt,
			@Nullable JsonNode answerId) {
		if (!stream.isEventStream() || stream.lastEventId() == null || stream.isAnswered()) {
			return Flux.empty();
		}
		if (attempt > this.limits.maxResumptions()) {
			return Flux.error(this.failures.failure(method, 200,
					"the event stream ended " + attempt + " times without the response; giving up", null, null));
		}
		return Mono.delay(stream.retryDelay(DEFAULT_RETRY)).thenMany(get(method, stream, () -> {
		}, answerId)).concatWith(Flux.defer(() -> resume(method, stream, attempt + 1, answerId)));
	}

	private Flux<JsonRpcMessage> get(String method, SseStreamState stream, Runnable onResponse,
			@Nullable JsonNode answerId) {
		return Flux.defer(() -> webClient().get()
			.uri(this.endpoint)
			.attribute(McpSessionFilter.METHOD_ATTRIBUTE, method)
			.header(WireNames.ACCEPT, EVENT_STREAM)
			.header(WireNames.ACCEPT_ENCODING, ResponseBodies.IDENTITY)
			.headers((headers) -> {
				McpSessionFilter.putSessionHeaders(method, this.session.current(), headers);
				String lastEventId = stream.lastEventId();
				if (lastEventId != null) {
					headers.set(WireNames.LAST_EVENT_ID, lastEventId);
				}
			})
			.exchangeToFlux((response) -> {
				onResponse.run();
				return read(response, method, stream, answerId);
			}));
	}

	/**
	 * DELETE the endpoint to end the session. A 404 (already gone) or 405 (the server
	 * does not let clients end sessions) counts as done.
	 * @return completes when the server has answered
	 */
	public Mono<Void> terminate() {
		return Mono.defer(() -> webClient().delete()
			.uri(this.endpoint)
			.attribute(McpSessionFilter.METHOD_ATTRIBUTE, CLOSE)
			.header(WireNames.ACCEPT_ENCODING, ResponseBodies.IDENTITY)
			.headers((headers) -> McpSessionFilter.putSessionHeaders(CLOSE, this.session.current(), headers))
			.exchangeToMono((response) -> {
				int status = response.statusCode().value();
				if (response.statusCode().is2xxSuccessful() || status == 404 || status == 405) {
					// The session is over whatever the body says; a large one is cut off.
					return ResponseBodies.discard(response, TransportFailures.EXCERPT_BYTES)
						.onErrorComplete(DataBufferLimitException.class);
				}
				return ResponseBodies.excerpt(response, TransportFailures.EXCERPT_BYTES)
					.flatMap((excerpt) -> Mono.error(this.failures.http(response, excerpt, CLOSE)));
			}))
			.onErrorResume(McpSessionExpiredException.class, (ex) -> Mono.empty())
			.onErrorMap((ex) -> !(ex instanceof McpException), (ex) -> this.failures.io(ex, CLOSE));
	}

	private Flux<JsonRpcMessage> read(ClientResponse response, String method, SseStreamState stream,
			@Nullable JsonNode answerId) {
		String coding = ResponseBodies.contentCoding(response);
		if (coding != null) {
			return refuse(response, method, coding);
		}
		HttpStatusCode status = response.statusCode();
		if (status.isError() || status.is3xxRedirection()) {
			return ResponseBodies.excerpt(response, TransportFailures.EXCERPT_BYTES)
				.flatMapMany((excerpt) -> Flux.error(this.failures.http(response, excerpt, method)));
		}
		MediaType contentType = response.headers().contentType().orElse(null);
		if (contentType != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType)) {
			stream.eventStreamOpened();
			if (answerId == null) {
				return readEvents(response.bodyToFlux(DataBuffer.class), method, stream);
			}
			Flux<DataBuffer> body = AnswerThenDrain.boundRemainder(response.bodyToFlux(DataBuffer.class), stream,
					DRAIN_BYTES);
			return AnswerThenDrain.untilAnswer(readEvents(body, method, stream), answerId, stream, DRAIN_BOUND);
		}
		if (contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
			return readJson(response, method);
		}
		return ResponseBodies.excerpt(response, TransportFailures.EXCERPT_BYTES)
			.flatMapMany(
					(excerpt) -> excerpt
						.isEmpty()
								? Flux.empty()
								: Flux.error(this.failures.failure(method, status.value(),
										"unexpected content type '" + contentType
												+ "' (expected application/json or text/event-stream)",
										excerpt, null)));
	}

	private Flux<JsonRpcMessage> readJson(ClientResponse response, String method) {
		return DataBufferUtils.join(response.bodyToFlux(DataBuffer.class), this.limits.maxBodyBytes())
			.map(ResponseBodies::drain)
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(response, method, ex))
			.flatMapMany((bytes) -> decodeAll(bytes, method));
	}

	private Flux<JsonRpcMessage> readEvents(Flux<DataBuffer> body, String method, SseStreamState stream) {
		return Flux.defer(() -> {
			SseEventParser parser = new SseEventParser(this.limits.maxEventBytes());
			// One buffer at a time: the default prefetch would allocate a queue of 256
			// slots for every response, for the one or two buffers an answer takes.
			return body.concatMapIterable((buffer) -> {
				List<SseEvent> events = parser.feed(ByteBuffer.wrap(ResponseBodies.drain(buffer)));
				stream.update(parser);
				return events;
			}, 1).concatWith(Flux.defer(() -> Flux.fromIterable(parser.finish())));
		})
			.onErrorMap(SseLimitExceededException.class,
					(ex) -> this.failures.failure(method, 200, ex.getMessage(), null, ex))
			// Priming events carry an id and empty data; they only mark a resumption
			// point.
			.handle((event, sink) -> {
				if (MESSAGE_EVENT.equals(event.event()) && !event.data().isEmpty()) {
					sink.next(decode(event.data(), method));
				}
			});
	}

	private Flux<JsonRpcMessage> decodeAll(byte[] bytes, String method) {
		if (bytes.length == 0) {
			return Flux.empty();
		}
		JsonNode tree;
		try {
			tree = this.codec.mapper().readTree(bytes);
		}
		catch (JacksonException ex) {
			throw this.failures.invalid(method, bytes, "not valid JSON (" + ex.getOriginalMessage() + ")", ex);
		}
		if (!tree.isArray()) {
			return Flux.just(read(tree, bytes, method));
		}
		// Servers of the 2025-03-26 revision may still answer with a batch.
		List<JsonRpcMessage> messages = new ArrayList<>(tree.size());
		for (JsonNode node : tree) {
			messages.add(read(node, bytes, method));
		}
		return Flux.fromIterable(messages);
	}

	private JsonRpcMessage read(JsonNode node, byte[] bytes, String method) {
		try {
			return this.failures.redact(this.codec.read(node));
		}
		catch (InvalidMessageException ex) {
			throw this.failures.invalid(method, bytes, ex.getMessage(), ex);
		}
	}

	// An event's data is parsed as the text it already is, not copied back to bytes.
	private JsonRpcMessage decode(String data, String method) {
		try {
			return this.failures.redact(this.codec.read(data));
		}
		catch (InvalidMessageException ex) {
			throw this.failures.invalid(method, data.getBytes(StandardCharsets.UTF_8), ex.getMessage(), ex);
		}
	}

	/**
	 * Build the connection's {@link WebClient} now, if no exchange has built it yet: the
	 * caller does so before a request's deadline starts, so that the one-time cost of
	 * building the HTTP client (and loading its classes) does not count against the
	 * server's time to answer.
	 */
	public void prepare() {
		webClient();
	}

	private WebClient webClient() {
		WebClient webClient = this.webClient;
		if (webClient == null) {
			synchronized (this) {
				webClient = this.webClient;
				if (webClient == null) {
					webClient = this.webClientSupplier.get();
					this.webClient = webClient;
				}
			}
		}
		return webClient;
	}

}
