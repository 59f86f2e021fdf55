package io.github.mcpclient.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.exception.McpProtocolException;
import io.github.mcpclient.exception.McpSessionExpiredException;
import io.github.mcpclient.exception.McpTimeoutException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.ServerCapabilities;
import io.github.mcpclient.session.SessionState;
import io.github.mcpclient.transport.McpSessionFilter;
import io.github.mcpclient.transport.SseStreamState;
import io.github.mcpclient.transport.StreamableHttpTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When a client connects, reconnects and disconnects: one shared handshake for concurrent
 * first calls, one new handshake however many calls saw a session expire, the listening
 * stream of each connection, and the request shape of the era it speaks.
 */
final class ConnectionLifecycle {

	private static final Log logger = LogFactory.getLog(ConnectionLifecycle.class);

	private static final String SUBSCRIPTIONS_LISTEN = "subscriptions/listen";

	private final McpClientSettings settings;

	private final McpSessionHolder holder;

	private final StreamableHttpTransport transport;

	private final RpcChannel rpc;

	private final Connector connector;

	private final Runnable onNewConnection;

	private final EraVerdicts eraVerdicts;

	private final @Nullable ListeningStream listening;

	// The handshake in progress or completed; null when the next call must start one.
	private final AtomicReference<@Nullable Mono<InitializeResult>> handshake = new AtomicReference<>();

	// How requests look in the era the current connection speaks.
	private volatile RequestShape shape = RequestShape.LEGACY;

	ConnectionLifecycle(McpClientSettings settings, McpSessionHolder holder, StreamableHttpTransport transport,
			RpcChannel rpc, Connector connector, Runnable onNewConnection, EraVerdicts eraVerdicts) {
		this.eraVerdicts = eraVerdicts;
		this.settings = settings;
		this.holder = holder;
		this.transport = transport;
		this.rpc = rpc;
		this.connector = connector;
		this.onNewConnection = onNewConnection;
		this.listening = settings.listen() ? new ListeningStream(settings.connectionName(), this::openListening,
				rpc::receive, (expired) -> forgetExpiredSession()) : null;
	}

	/**
	 * How requests must look on the current connection.
	 * @return the shape of its era
	 */
	RequestShape shape() {
		return this.shape;
	}

	/**
	 * Connect unless connected; concurrent callers share one handshake.
	 * @return the connection's initialize result
	 */
	Mono<InitializeResult> initialize() {
		return Mono.defer(this::currentHandshake);
	}

	/**
	 * End the session: tell the server if there is one, and forget it either way.
	 * @return completes when the server has answered
	 */
	Mono<Void> close() {
		return Mono.defer(() -> {
			Mono<InitializeResult> current = this.handshake.getAndSet(null);
			if (this.listening != null) {
				this.listening.stop();
			}
			Mono<Void> terminate = this.holder.current().hasSessionId() ? this.transport.terminate() : Mono.empty();
			if (current != null && logger.isDebugEnabled()) {
				logger.debug("Closing connection '" + this.settings.connectionName() + "'");
			}
			// Local state is cleared however the server answers, before the caller hears
			// back.
			return terminate.timeout(this.settings.requestTimeout())
				.onErrorMap(TimeoutException.class,
						(ex) -> new McpTimeoutException(this.settings.connectionName(), StreamableHttpTransport.CLOSE,
								this.settings.requestTimeout()))
				.doOnTerminate(this.holder::closed)
				.doOnCancel(this.holder::closed);
		});
	}

	private Flux<JsonRpcMessage> openListening(SseStreamState stream, Runnable onAnswer) {
		RequestShape current = this.shape;
		if (current.isLegacy()) {
			return this.transport.listen(stream, onAnswer);
		}
		ServerCapabilities capabilities = this.holder.current().serverCapabilities();
		Map<String, Object> notifications = new LinkedHashMap<>();
		if (capabilities != null && capabilities.tools() != null) {
			notifications.put("toolsListChanged", true);
		}
		if (capabilities != null && capabilities.prompts() != null) {
			notifications.put("promptsListChanged", true);
		}
		if (capabilities != null && capabilities.resources() != null) {
			notifications.put("resourcesListChanged", true);
		}
		return this.rpc.open(SUBSCRIPTIONS_LISTEN, Map.of("notifications", notifications), current)
			.doOnNext((message) -> onAnswer.run());
	}

	/**
	 * Run an operation on an established connection. A session the server forgot is
	 * dropped so that the next call starts a new one, once, however many calls saw it
	 * expire.
	 * @param <T> the result type
	 * @param operation the operation
	 * @return its result
	 */
	<T> Mono<T> connected(Supplier<Mono<T>> operation) {
		return Mono.defer(() -> {
			Mono<InitializeResult> current = currentHandshake();
			return current.then(Mono.defer(operation)).onErrorResume(McpSessionExpiredException.class, (ex) -> {
				this.handshake.compareAndSet(current, null);
				return Mono.error(ex);
			}).onErrorResume(ConnectionLifecycle::isUnsupportedVersion, (ex) -> {
				// The server no longer speaks what was negotiated: probe again next time.
				this.eraVerdicts.forget(this.settings.url());
				this.handshake.compareAndSet(current, null);
				return Mono.error(ex);
			});
		}).doOnError(this.holder::recordFailure);
	}

	// The listening stream saw the session expire; a newer session may already exist.
	private void forgetExpiredSession() {
		if (this.holder.current().state() == SessionState.EXPIRED) {
			this.handshake.set(null);
		}
	}

	private Mono<InitializeResult> currentHandshake() {
		while (true) {
			Mono<InitializeResult> current = this.handshake.get();
			// A session that expired under another call is not worth waiting for.
			if (current != null && this.holder.current().state() == SessionState.EXPIRED) {
				this.handshake.compareAndSet(current, null);
				continue;
			}
			if (current != null) {
				return current;
			}
			AtomicReference<Mono<InitializeResult>> self = new AtomicReference<>();
			Mono<InitializeResult> attempt = performHandshake()
				.doOnError((ex) -> this.handshake.compareAndSet(self.get(), null))
				.cache();
			self.set(attempt);
			if (this.handshake.compareAndSet(null, attempt)) {
				return attempt;
			}
		}
	}

	private Mono<InitializeResult> performHandshake() {
		return this.connector.connect().flatMap((connection) -> {
			this.shape = connection.shape();
			this.onNewConnection.run();
			return ((this.listening != null) ? this.listening.start() : Mono.<Void>empty())
				.thenReturn(connection.result());
		})
			.timeout(this.settings.initializeTimeout())
			.onErrorMap(TimeoutException.class,
					(ex) -> new McpTimeoutException(this.settings.connectionName(), McpSessionFilter.INITIALIZE,
							this.settings.initializeTimeout()))
			.doOnError((ex) -> this.holder.failed());
	}

	private static boolean isUnsupportedVersion(Throwable ex) {
		JsonRpcError error = (ex instanceof McpProtocolException protocol) ? protocol.getError()
				: (ex instanceof McpTransportException transport) ? transport.getRpcError() : null;
		return error != null && error.code() == JsonRpcError.UNSUPPORTED_VERSION;
	}

}
