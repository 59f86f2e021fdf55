package io.github.mcpclient.engine;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.exception.McpSessionExpiredException;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.session.SessionState;
import io.github.mcpclient.transport.McpSessionFilter;
import io.github.mcpclient.transport.SseStreamState;
import io.github.mcpclient.transport.StreamableHttpTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * When a client connects, reconnects and disconnects: one shared handshake for concurrent
 * first calls, one new handshake however many calls saw a session expire, the listening
 * stream of each connection, and the dialect of the era it speaks.
 */
final class ConnectionLifecycle {

	private static final Log logger = LogFactory.getLog(ConnectionLifecycle.class);

	private final McpClientSettings settings;

	private final McpSessionHolder holder;

	private final Connector connector;

	private final EraVerdicts eraVerdicts;

	private final @Nullable ListeningStream listening;

	private final McpObservations observations;

	// The handshake in progress or completed; null when the next call must start one.
	private final AtomicReference<@Nullable Mono<InitializeResult>> handshake = new AtomicReference<>();

	// The last handshake that established its session: only such a one can go stale.
	private volatile @Nullable Mono<InitializeResult> completed;

	// The dialect of the current connection's era; null before the first connection.
	private volatile @Nullable Dialect dialect;

	ConnectionLifecycle(McpClientSettings settings, McpSessionHolder holder, RpcChannel rpc, Connector connector,
			EraVerdicts eraVerdicts, McpObservations observations) {
		this.observations = observations;
		this.settings = settings;
		this.holder = holder;
		this.connector = connector;
		this.eraVerdicts = eraVerdicts;
		this.listening = settings.listen() ? new ListeningStream(settings.connectionName(), this::openListening,
				rpc::receive, (expired) -> forgetExpiredSession()) : null;
	}

	/**
	 * Connect unless connected; concurrent callers share one handshake.
	 * @return the connection's initialize result
	 */
	Mono<InitializeResult> initialize() {
		return Mono.defer(this::currentHandshake);
	}

	/**
	 * Run an operation on an established connection, in its era's dialect. When the
	 * server forgot the session, every caller that saw it shares one new handshake and
	 * then runs its operation again, once: the server never ran it, since it did not know
	 * the session. Only if the new session fails too, or the operation sees it expire
	 * again, does the caller hear of it.
	 * @param <T> the result type
	 * @param operation the operation
	 * @return its result
	 */
	<T> Mono<T> connected(Function<Dialect, Mono<T>> operation) {
		return attempt(operation, this.settings.retry().enabled()).doOnError(this.holder::recordFailure);
	}

	private <T> Mono<T> attempt(Function<Dialect, Mono<T>> operation, boolean mayRecover) {
		return Mono.defer(() -> {
			Mono<InitializeResult> current = currentHandshake();
			// Once connected, as for nearly every call, the operation runs at once rather
			// than after the cached handshake.
			Mono<T> run = (current == this.completed) ? run(operation) : current.then(Mono.defer(() -> run(operation)));
			return run.onErrorResume((ex) -> recover(ex, current, operation, mayRecover));
		});
	}

	private <T> Mono<T> run(Function<Dialect, Mono<T>> operation) {
		return operation.apply(currentDialect()).contextWrite(McpSessionFilter.bindTo(this.holder.current()));
	}

	private <T> Mono<T> recover(Throwable failure, Mono<InitializeResult> current, Function<Dialect, Mono<T>> operation,
			boolean mayRecover) {
		if (failure instanceof McpSessionExpiredException ex) {
			this.handshake.compareAndSet(current, null);
			if (!mayRecover) {
				return Mono.error(ex);
			}
			this.holder.recordRetry();
			if (logger.isDebugEnabled()) {
				logger.debug("Connection '" + this.settings.connectionName() + "' runs '" + ex.getMethod()
						+ "' again on a new session: " + ex.getMessage());
			}
			return attempt(operation, false);
		}
		if (SupportedVersions.isRefusal(failure)) {
			// The server no longer speaks what was negotiated: probe again next time.
			this.eraVerdicts.forget(this.settings.url());
			this.handshake.compareAndSet(current, null);
		}
		return Mono.error(failure);
	}

	/**
	 * Let the current connection's dialect hear a notification.
	 * @param method the notification method
	 * @param params its parameters
	 */
	void onNotification(String method, @Nullable JsonNode params) {
		Dialect current = this.dialect;
		if (current != null) {
			current.onNotification(method, params);
		}
	}

	/**
	 * End the session: tell the server if its era has anything to end, and forget it
	 * either way.
	 * @return completes when the server has answered
	 */
	Mono<Void> close() {
		return Mono.defer(() -> {
			Mono<InitializeResult> current = this.handshake.getAndSet(null);
			if (this.listening != null) {
				this.listening.stop();
			}
			Dialect connected = this.dialect;
			Mono<Void> end = (connected != null) ? connected.close() : Mono.empty();
			if (current != null && logger.isDebugEnabled()) {
				logger.debug("Closing connection '" + this.settings.connectionName() + "'");
			}
			// Local state is cleared however the server answers, before the caller hears
			// back.
			return Deadlines
				.within(end, this.settings.requestTimeout(), this.settings.connectionName(),
						StreamableHttpTransport.CLOSE)
				.doOnTerminate(this::closed)
				.doOnCancel(this::closed);
		});
	}

	private Dialect currentDialect() {
		Dialect current = this.dialect;
		if (current == null) {
			throw new IllegalStateException("Connection '" + this.settings.connectionName() + "' is not connected");
		}
		return current;
	}

	private Flux<JsonRpcMessage> openListening(SseStreamState stream, Runnable onAnswer) {
		return currentDialect().listen(stream, onAnswer);
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
			// A session that expired under another call is not worth waiting for; a
			// handshake not yet under way is the new one, whatever the state says.
			if (current != null && current == this.completed && this.holder.current().state() == SessionState.EXPIRED) {
				this.handshake.compareAndSet(current, null);
				continue;
			}
			if (current != null) {
				return current;
			}
			AtomicReference<Mono<InitializeResult>> self = new AtomicReference<>();
			Mono<InitializeResult> attempt = performHandshake().doOnSuccess((result) -> this.completed = self.get())
				.doOnError((ex) -> this.handshake.compareAndSet(self.get(), null))
				.cache();
			self.set(attempt);
			if (this.handshake.compareAndSet(null, attempt)) {
				return attempt;
			}
		}
	}

	private Mono<InitializeResult> performHandshake() {
		Mono<InitializeResult> connect = this.connector.connect().flatMap((connection) -> {
			this.dialect = connection.dialect();
			return ((this.listening != null) ? this.listening.start() : Mono.<Void>empty())
				.thenReturn(connection.result());
		});
		return Deadlines
			.within(connect, this.settings.initializeTimeout(), this.settings.connectionName(), McpMethods.INITIALIZE)
			.doOnError((ex) -> {
				this.holder.failed();
				this.observations.sessionEnded(null, ex);
			});
	}

	private void closed() {
		this.holder.closed();
		this.observations.sessionEnded(null, null);
	}

}
