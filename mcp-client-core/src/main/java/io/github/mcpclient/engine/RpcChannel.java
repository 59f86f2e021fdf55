package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.exception.McpProtocolException;
import io.github.mcpclient.exception.McpTimeoutException;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.JsonRpcNotification;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.protocol.JsonRpcResponse;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.transport.Redactor;
import io.github.mcpclient.transport.StreamableHttpTransport;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;

import org.springframework.http.HttpHeaders;

/**
 * JSON-RPC over one connection's transport: numbers requests, picks each one's response
 * out of whatever the server streams back, answers the server's own requests on the way,
 * and tells the server when the client gives up on a request.
 */
final class RpcChannel {

	private static final Log logger = LogFactory.getLog(RpcChannel.class);

	private final String connectionName;

	private final StreamableHttpTransport transport;

	private final McpSessionHolder holder;

	private final ServerMessageHandler serverMessages;

	private final JsonMapper mapper;

	private final Retries retries;

	private final Redactor redactor;

	private final McpObservations observations;

	private final AtomicLong requestIds = new AtomicLong();

	RpcChannel(String connectionName, StreamableHttpTransport transport, McpSessionHolder holder,
			ServerMessageHandler serverMessages, JsonMapper mapper, Redactor redactor, Retries retries) {
		this(connectionName, transport, holder, serverMessages, mapper, redactor, retries,
				McpObservations.disabled(connectionName, holder.current().url(), holder));
	}

	RpcChannel(String connectionName, StreamableHttpTransport transport, McpSessionHolder holder,
			ServerMessageHandler serverMessages, JsonMapper mapper, Redactor redactor, Retries retries,
			McpObservations observations) {
		this.observations = observations;
		this.redactor = redactor;
		this.retries = retries;
		this.connectionName = connectionName;
		this.transport = transport;
		this.holder = holder;
		this.serverMessages = serverMessages;
		this.mapper = mapper;
	}

	/**
	 * Send a request shaped for a protocol era and wait for its result.
	 * @param method the method
	 * @param params the parameters, mapped to JSON, or {@code null}
	 * @param timeout how long to wait
	 * @param cancellable whether giving up may be announced to the server; never for a
	 * handshake
	 * @param dialect the era's dialect, which shapes the request
	 * @return the result
	 */
	Mono<JsonNode> request(String method, @Nullable Object params, Duration timeout, boolean cancellable,
			Dialect dialect) {
		return Mono.deferContextual((reactorContext) -> {
			// Before the deadline starts, which bounds the server, not this client's
			// setup.
			this.transport.prepare();
			JsonNode id = LongNode.valueOf(this.requestIds.incrementAndGet());
			// Parameters an era leaves as they are go to the wire as the caller's
			// objects, written once; only an era that reshapes them, or an observation
			// that adds its trace context to their _meta, needs their tree.
			@Nullable Object wireParams = params;
			HttpHeaders headers = HttpHeaders.EMPTY;
			Observation observation = null;
			if (dialect.shapesParams() || this.observations.enabled()) {
				JsonNode shapedParams = dialect.params(method, toParams(params));
				headers = dialect.headers(method, shapedParams);
				// Started before the request is built: a tracing handler's trace context
				// goes into its _meta.
				observation = this.observations.enabled()
						? this.observations.operation(method, id, shapedParams, reactorContext) : null;
				wireParams = (observation != null) ? this.observations.withTraceContext(shapedParams, observation)
						: shapedParams;
			}
			Exchange state = new Exchange(id);
			this.holder.recordRequest();
			Mono<JsonRpcResponse> exchange = this.transport
				.request(id, method, wireParams, headers, dialect.resumesStreams())
				.concatMap((message) -> receive(message, state))
				.next()
				.switchIfEmpty(Mono.error(() -> noResponse(method, id, state.strayId)));
			Mono<JsonNode> result = this.observations.observeRequest(Deadlines.within(
					this.retries.around(exchange, method, timeout)
						.handle((response, sink) -> resultOf(response, method, sink)),
					timeout, this.connectionName, method), observation);
			// A modern server takes the closed response stream as the cancellation.
			if (!cancellable || !dialect.announcesCancellation()) {
				return result;
			}
			return result
				.doOnError(McpTimeoutException.class,
						(ex) -> cancel(id, "timed out after " + timeout.toMillis() + " ms", timeout))
				.doOnCancel(() -> {
					// Operators downstream may cancel after the answer arrived; only an
					// unanswered request is worth cancelling.
					if (!state.answered) {
						cancel(id, "cancelled by the client", timeout);
					}
				});
		});
	}

	/**
	 * Open a long-lived request whose stream carries messages rather than one answer,
	 * such as {@code subscriptions/listen}.
	 * @param method the method
	 * @param params the parameters, or {@code null}
	 * @param dialect the era's dialect, which shapes the request
	 * @return every message the server sends on the stream
	 */
	Flux<JsonRpcMessage> open(String method, @Nullable Object params, Dialect dialect) {
		return Flux.defer(() -> {
			JsonNode id = LongNode.valueOf(this.requestIds.incrementAndGet());
			JsonNode shapedParams = dialect.params(method, toParams(params));
			this.holder.recordRequest();
			return this.transport.post(new JsonRpcRequest(id, method, shapedParams), method,
					dialect.headers(method, shapedParams), false);
		});
	}

	/**
	 * Send a notification.
	 * @param method the method
	 * @param params the parameters, mapped to JSON, or {@code null}
	 * @param timeout how long the server may take to accept it
	 * @return completes when the server accepted it
	 */
	Mono<Void> notify(String method, @Nullable Object params, Duration timeout) {
		if (!this.observations.enabled()) {
			return deliver(method, params, timeout, null);
		}
		return Mono.deferContextual((reactorContext) -> {
			Observation observation = this.observations.operation(method, null, null, reactorContext);
			return this.observations.observe(deliver(method, params, timeout, observation), observation);
		});
	}

	private Mono<Void> deliver(String method, @Nullable Object params, Duration timeout,
			@Nullable Observation observation) {
		Mono<Void> exchange = Mono.defer(() -> {
			this.holder.recordRequest();
			JsonNode sent = (observation != null) ? this.observations.withTraceContext(toParams(params), observation)
					: toParams(params);
			return this.transport.post(new JsonRpcNotification(method, sent), method)
				.then()
				.doOnSuccess((done) -> this.holder.recordActivity());
		});
		return Deadlines.within(this.retries.around(exchange, method, timeout), timeout, this.connectionName, method);
	}

	/**
	 * Handle a message that arrived outside any request, on the listening stream.
	 * @param message the message
	 * @return completes when handled
	 */
	Mono<Void> receive(JsonRpcMessage message) {
		return receive(message, new Exchange(NullNode.getInstance())).then();
	}

	private Mono<JsonRpcResponse> receive(JsonRpcMessage message, Exchange exchange) {
		if (message instanceof JsonRpcResponse response) {
			if (response.answers(exchange.id)) {
				exchange.answered = true;
				return Mono.just(response);
			}
			exchange.strayId = response.id();
		}
		else if (message instanceof JsonRpcRequest request) {
			return answer(request, (answer) -> this.transport.post(answer, request.method()).then())
				.onErrorResume((ex) -> {
					logger.debug("Connection '" + this.connectionName + "' could not answer server request '"
							+ request.method() + "'", ex);
					return Mono.empty();
				})
				.then(Mono.empty());
		}
		else if (message instanceof JsonRpcNotification notification) {
			return this.serverMessages.accept(notification).then(Mono.empty());
		}
		return Mono.empty();
	}

	/**
	 * Produce the client's answer to a request the server sent, such as one of a modern
	 * call's input requests.
	 * @param request the server's request
	 * @return the answer
	 */
	Mono<JsonRpcResponse> answer(JsonRpcRequest request) {
		return answer(request, Mono::just);
	}

	private <T> Mono<T> answer(JsonRpcRequest request, Function<JsonRpcResponse, Mono<T>> reply) {
		if (!this.observations.enabled()) {
			return this.serverMessages.answer(request).flatMap(reply);
		}
		return Mono.deferContextual((reactorContext) -> {
			Observation observation = this.observations.serverRequest(request, reactorContext);
			return this.observations.observe(this.serverMessages.answer(request)
				.doOnNext((answer) -> this.observations.answered(observation, answer))
				.flatMap(reply), observation);
		});
	}

	private void resultOf(JsonRpcResponse response, String method, SynchronousSink<JsonNode> sink) {
		this.holder.recordActivity();
		if (response.error() != null) {
			sink.error(new McpProtocolException(this.connectionName, method, response.error()));
			return;
		}
		JsonNode result = response.result();
		sink.next((result != null) ? result : NullNode.getInstance());
	}

	// Cancellation is best effort: the request may already be answered, and the server
	// may ignore it; either way nothing waits for this notification.
	private void cancel(JsonNode id, String reason, Duration timeout) {
		notify(McpMethods.NOTIFICATION_CANCELLED, Map.of("requestId", id, "reason", reason), timeout).subscribe(null,
				(ex) -> logger.debug("Connection '" + this.connectionName + "' could not cancel request " + id, ex));
	}

	private McpException noResponse(String method, JsonNode id, @Nullable JsonNode strayId) {
		String detail = (strayId != null) ? "server answered with id " + strayId + " but the request had id " + id
				: "server ended the response without answering request " + id;
		return new McpInvalidResponseException(this.connectionName, method, this.redactor.redact(detail));
	}

	// What one request's exchange has seen: whether its answer came, and the id of a
	// response that answered another request.
	private static final class Exchange {

		private final JsonNode id;

		private volatile boolean answered;

		private volatile @Nullable JsonNode strayId;

		Exchange(JsonNode id) {
			this.id = id;
		}

	}

	private @Nullable JsonNode toParams(@Nullable Object params) {
		return (params != null) ? this.mapper.valueToTree(params) : null;
	}

}
