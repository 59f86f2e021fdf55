package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.mcpclient.exception.McpSessionExpiredException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.transport.SseStreamState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * The optional long-lived stream on which a server sends requests and notifications of
 * its own accord: the GET stream in the legacy era, {@code subscriptions/listen} in the
 * modern one. A dropped stream is reopened with growing pauses, resuming after the last
 * event seen; a 405 means the server offers no such stream, and an expired session ends
 * it until the next session starts one again.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server">Listening
 * for messages</a>
 */
final class ListeningStream {

	private static final Log logger = LogFactory.getLog(ListeningStream.class);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	// Servers drop what they send while no stream is open, so a new session waits briefly
	// for the stream before its first request.
	private static final Duration ANSWER_GRACE = Duration.ofSeconds(1);

	private final String connectionName;

	private final BiFunction<SseStreamState, Runnable, Flux<JsonRpcMessage>> source;

	private final Function<JsonRpcMessage, Mono<?>> receiver;

	private final Consumer<McpSessionExpiredException> onExpired;

	private @Nullable Disposable subscription;

	/**
	 * Create a listening stream.
	 * @param connectionName the connection
	 * @param source opens the stream once: given the state kept across reconnections and
	 * a callback to run when the server has answered
	 * @param receiver handles each message
	 * @param onExpired told when the session expired under the stream
	 */
	ListeningStream(String connectionName, BiFunction<SseStreamState, Runnable, Flux<JsonRpcMessage>> source,
			Function<JsonRpcMessage, Mono<?>> receiver, Consumer<McpSessionExpiredException> onExpired) {
		this.connectionName = connectionName;
		this.source = source;
		this.receiver = receiver;
		this.onExpired = onExpired;
	}

	/**
	 * Open the stream, replacing any previous one.
	 * @return completes once the server has answered the first GET, or after a short
	 * grace period for servers that hold back their answer until they have an event
	 */
	synchronized Mono<Void> start() {
		stop();
		SseStreamState stream = new SseStreamState();
		Sinks.Empty<Void> answered = Sinks.empty();
		this.subscription = Flux.defer(() -> this.source.apply(stream, answered::tryEmitEmpty))
			.concatMap(this.receiver)
			// A stream the server closed normally is reopened like a dropped one.
			.concatWith(Mono.error(StreamEnded::new))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF)
				.maxBackoff(MAX_BACKOFF)
				.transientErrors(true)
				.filter(ListeningStream::worthReopening)
				.doBeforeRetry((signal) -> logger.debug("Reopening the listening stream of connection '"
						+ this.connectionName + "' after: " + signal.failure().getMessage())))
			.subscribe(null, (ex) -> {
				answered.tryEmitEmpty();
				ended(ex);
			});
		return answered.asMono().timeout(ANSWER_GRACE, Mono.empty());
	}

	synchronized void stop() {
		if (this.subscription != null) {
			this.subscription.dispose();
			this.subscription = null;
		}
	}

	private void ended(Throwable ex) {
		if (ex instanceof McpSessionExpiredException expired) {
			this.onExpired.accept(expired);
		}
		else if (ex instanceof McpTransportException transport && transport.getStatus() == 405) {
			logger.debug("Server of connection '" + this.connectionName + "' offers no listening stream");
		}
		else {
			logger.warn("Listening stream of connection '" + this.connectionName + "' ended: " + ex.getMessage());
		}
	}

	private static boolean worthReopening(Throwable ex) {
		if (ex instanceof McpSessionExpiredException) {
			return false;
		}
		if (ex instanceof McpTransportException transport) {
			int status = transport.getStatus();
			return status != 405 && status != 401 && status != 403;
		}
		return true;
	}

	private static final class StreamEnded extends RuntimeException {

		StreamEnded() {
			super("the server closed the stream", null, false, false);
		}

	}

}
