package io.github.mcpclient.engine;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpclient.observation.DefaultMcpClientObservationConvention;
import io.github.mcpclient.observation.DefaultMcpClientSessionObservationConvention;
import io.github.mcpclient.observation.DefaultMcpServerRequestObservationConvention;
import io.github.mcpclient.observation.McpClientObservationContext;
import io.github.mcpclient.observation.McpClientObservationConvention;
import io.github.mcpclient.observation.McpClientSessionObservationContext;
import io.github.mcpclient.observation.McpObservationDocumentation;
import io.github.mcpclient.observation.McpServerRequestObservationContext;
import io.github.mcpclient.observation.McpServerRequestObservationConvention;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.protocol.JsonRpcResponse;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.session.McpSession;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The observations of one connection: its operations, the server's requests and its
 * legacy sessions. When the registry is the no-op one, callers skip all of it, so nothing
 * is allocated per call.
 */
final class McpObservations {

	// The key under which Micrometer's context propagation keeps the current observation
	// in a Reactor context (ObservationThreadLocalAccessor.KEY); Spring's WebClient takes
	// its HTTP observation's parent from there. Spelled out so that the core needs no
	// context-propagation library.
	static final String CURRENT_OBSERVATION = "micrometer.observation";

	private static final DefaultMcpClientObservationConvention DEFAULT_CONVENTION = new DefaultMcpClientObservationConvention();

	private static final DefaultMcpServerRequestObservationConvention DEFAULT_SERVER_CONVENTION = new DefaultMcpServerRequestObservationConvention();

	private static final DefaultMcpClientSessionObservationConvention DEFAULT_SESSION_CONVENTION = new DefaultMcpClientSessionObservationConvention();

	private final Observability observability;

	private final String connectionName;

	private final @Nullable String host;

	private final int port;

	private final McpSessionHolder holder;

	private final AtomicReference<@Nullable Observation> session = new AtomicReference<>();

	McpObservations(Observability observability, String connectionName, URI url, McpSessionHolder holder) {
		this.observability = observability;
		this.connectionName = connectionName;
		this.host = url.getHost();
		this.port = (url.getPort() >= 0) ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
		this.holder = holder;
	}

	static McpObservations disabled(String connectionName, URI url, McpSessionHolder holder) {
		return new McpObservations(Observability.NONE, connectionName, url, holder);
	}

	/**
	 * Whether anything listens; when not, no observation is made at all.
	 * @return {@code true} unless the registry is the no-op one
	 */
	boolean enabled() {
		return !this.observability.registry().isNoop();
	}

	/**
	 * Run a call under the observation current on the thread that subscribes, such as an
	 * application's observation around a blocking call: the call's operations may run on
	 * other threads, after a handshake, where that observation is no longer current.
	 * @param <T> the result type
	 * @param call the call
	 * @return the call, with the caller's observation in its Reactor context
	 */
	<T> Mono<T> underCallerObservation(Mono<T> call) {
		return Mono.defer(() -> {
			Observation current = this.observability.registry().getCurrentObservation();
			return (current != null) ? call.contextWrite((reactorContext) -> reactorContext.hasKey(CURRENT_OBSERVATION)
					? reactorContext : reactorContext.put(CURRENT_OBSERVATION, current)) : call;
		});
	}

	/**
	 * Start observing an operation the client sends; a tracing handler has put the trace
	 * context into the context's carrier once this returns.
	 * @param method the method
	 * @param id the request id, or {@code null} for a notification
	 * @param params the parameters as they go on the wire, for the operation's target
	 * @param reactorContext where a caller's observation may be current
	 * @return the started observation
	 */
	Observation operation(String method, @Nullable JsonNode id, @Nullable JsonNode params, ContextView reactorContext) {
		McpClientObservationContext context = new McpClientObservationContext(this.connectionName, method, this.host,
				this.port);
		if (id != null) {
			context.setRequestId(id.asString());
		}
		if (params != null) {
			switch (method) {
				case McpMethods.TOOLS_CALL -> context.setToolName(text(params, "name"));
				case McpMethods.PROMPTS_GET -> context.setPromptName(text(params, "name"));
				case McpMethods.RESOURCES_READ, "resources/subscribe", "resources/unsubscribe" ->
					context.setResourceUri(text(params, "uri"));
				default -> {
				}
			}
		}
		describeSession(context);
		Observation observation = McpObservationDocumentation.CLIENT_OPERATION.observation(
				this.observability.convention(), DEFAULT_CONVENTION, () -> context, this.observability.registry());
		return start(observation, reactorContext);
	}

	/**
	 * The parameters with the trace context a tracing handler propagated into the
	 * observation added to their {@code _meta}; the same parameters if there is none.
	 * @param params the parameters as they would go on the wire
	 * @param observation the operation's observation
	 * @return the parameters to send
	 */
	@Nullable JsonNode withTraceContext(@Nullable JsonNode params, Observation observation) {
		Map<String, String> trace = ((McpClientObservationContext) observation.getContext()).getTraceContext();
		if (trace.isEmpty() || (params != null && !params.isObject())) {
			return params;
		}
		// A copy: the caller's parameters are not ours to change.
		ObjectNode traced = (params != null) ? ((ObjectNode) params).deepCopy() : JsonNodeFactory.instance.objectNode();
		JsonNode existing = traced.get("_meta");
		ObjectNode meta = (existing != null && existing.isObject()) ? (ObjectNode) existing : traced.putObject("_meta");
		trace.forEach(meta::put);
		return traced;
	}

	/**
	 * Observe an operation the client sent until it ends, with its observation current in
	 * the Reactor context for the HTTP exchanges under it.
	 * @param exchange the operation
	 * @param observation its started observation, or {@code null} when not observed
	 * @return the observed operation, or the same one when not observed
	 */
	Mono<JsonNode> observeRequest(Mono<JsonNode> exchange, @Nullable Observation observation) {
		if (observation == null) {
			return exchange;
		}
		McpClientObservationContext context = (McpClientObservationContext) observation.getContext();
		if (McpMethods.TOOLS_CALL.equals(context.getMethodName())) {
			exchange = exchange.doOnNext((result) -> context.setToolError(result.path("isError").asBoolean(false)));
		}
		return observe(exchange, observation);
	}

	/**
	 * Observe an operation until it ends. The observation stops as the outcome arrives,
	 * before whatever the caller does with it, and once, however the operation ends.
	 * @param <T> the result type
	 * @param exchange the operation
	 * @param observation its started observation
	 * @return the observed operation
	 */
	<T> Mono<T> observe(Mono<T> exchange, Observation observation) {
		AtomicBoolean stopped = new AtomicBoolean();
		return exchange.doOnSuccess((result) -> stop(observation, stopped, null))
			.doOnError((ex) -> stop(observation, stopped, ex))
			.doOnCancel(() -> stop(observation, stopped, null))
			.contextWrite((reactorContext) -> reactorContext.put(CURRENT_OBSERVATION, observation));
	}

	private void stop(Observation observation, AtomicBoolean stopped, @Nullable Throwable error) {
		if (!stopped.compareAndSet(false, true)) {
			return;
		}
		if (observation.getContext() instanceof McpClientObservationContext context) {
			describeSession(context);
		}
		if (error != null) {
			observation.error(error);
		}
		observation.stop();
	}

	/**
	 * Start observing a request the server sent to the client.
	 * @param request the request
	 * @param reactorContext where the client operation it arrived under may be current
	 * @return the started observation
	 */
	Observation serverRequest(JsonRpcRequest request, ContextView reactorContext) {
		Map<String, String> traceContext = new LinkedHashMap<>(4);
		JsonNode meta = (request.params() != null) ? request.params().get("_meta") : null;
		if (meta != null && meta.isObject()) {
			meta.properties().forEach((field) -> {
				if (field.getValue().isString()) {
					traceContext.put(field.getKey(), field.getValue().asString());
				}
			});
		}
		JsonNode id = request.id();
		McpServerRequestObservationContext context = new McpServerRequestObservationContext(this.connectionName,
				request.method(), (id != null && !id.isNull()) ? id.asString() : null, traceContext);
		context.setProtocolVersion(this.holder.current().protocolVersion());
		Observation observation = McpObservationDocumentation.SERVER_REQUEST.observation(
				this.observability.serverRequestConvention(), DEFAULT_SERVER_CONVENTION, () -> context,
				this.observability.registry());
		return start(observation, reactorContext);
	}

	/**
	 * Record how the client answered a server request.
	 * @param observation the request's observation
	 * @param answer the answer
	 */
	void answered(Observation observation, JsonRpcResponse answer) {
		if (answer.error() != null) {
			((McpServerRequestObservationContext) observation.getContext()).setRpcErrorCode(answer.error().code());
		}
	}

	/**
	 * A legacy handshake starts a session; one still observed has ended.
	 */
	void sessionStarting() {
		if (!enabled()) {
			return;
		}
		McpClientSessionObservationContext context = new McpClientSessionObservationContext(this.connectionName);
		Observation observation = McpObservationDocumentation.CLIENT_SESSION
			.observation(null, DEFAULT_SESSION_CONVENTION, () -> context, this.observability.registry())
			.start();
		Observation previous = this.session.getAndSet(observation);
		if (previous != null) {
			previous.stop();
		}
	}

	/**
	 * The legacy session agreed on a protocol version.
	 * @param protocolVersion the version
	 */
	void sessionEstablished(String protocolVersion) {
		Observation current = this.session.get();
		if (current != null) {
			((McpClientSessionObservationContext) current.getContext()).setProtocolVersion(protocolVersion);
		}
	}

	/**
	 * The observed session ended.
	 * @param errorType why, or {@code null} when the client closed it
	 * @param error the failure that ended it, if any
	 */
	void sessionEnded(@Nullable String errorType, @Nullable Throwable error) {
		Observation ended = this.session.getAndSet(null);
		if (ended == null) {
			return;
		}
		McpClientSessionObservationContext context = (McpClientSessionObservationContext) ended.getContext();
		context.setErrorType(errorType);
		if (error != null) {
			ended.error(error);
		}
		ended.stop();
	}

	private Observation start(Observation observation, ContextView reactorContext) {
		Observation parent = reactorContext.getOrDefault(CURRENT_OBSERVATION, null);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		return observation.start();
	}

	// The session as it stands: legacy sessions only, since 2026-07-28 has none.
	private void describeSession(McpClientObservationContext context) {
		McpSession session = this.holder.current();
		context.setProtocolVersion(session.protocolVersion());
		context.setSessionId((session.era() != Era.MODERN) ? session.sessionId() : null);
	}

	private static @Nullable String text(JsonNode params, String field) {
		JsonNode value = params.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
