package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.transport.SseStreamState;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * Everything that differs between protocol eras once a connection speaks one: how
 * requests look, how calls run, how the client pings, sets the log level, listens,
 * cancels and says goodbye. The engine asks the connection's dialect rather than
 * branching on the era; another era means another dialect.
 */
interface Dialect {

	/**
	 * The era this dialect speaks.
	 * @return the era
	 */
	Era era();

	/**
	 * The parameters of a request as they go on the wire.
	 * @param method the method
	 * @param params the caller's parameters, or {@code null}
	 * @return the parameters to send, or {@code null} for none
	 */
	@Nullable JsonNode params(String method, @Nullable JsonNode params);

	/**
	 * Whether {@link #params} and {@link #headers} depend on the parameters; a dialect
	 * that sends them as given lets the client write them straight to the wire.
	 * @return {@code true} if requests are shaped from their parameters
	 */
	default boolean shapesParams() {
		return true;
	}

	/**
	 * Headers a request carries besides those of the session filter.
	 * @param method the method
	 * @param params the parameters as sent
	 * @return the headers
	 */
	HttpHeaders headers(String method, @Nullable JsonNode params);

	/**
	 * Whether an event stream that ends before the answer is resumed with
	 * {@code Last-Event-ID}.
	 * @return {@code true} if streams are resumed
	 */
	boolean resumesStreams();

	/**
	 * Whether giving up on a request is announced with {@code notifications/cancelled};
	 * otherwise closing the response stream is the cancellation.
	 * @return {@code true} if cancellation is announced
	 */
	boolean announcesCancellation();

	/**
	 * Run a request through to its complete result.
	 * @param method the method
	 * @param params the parameters, mapped to JSON, or {@code null}
	 * @param timeout how long the whole call may take
	 * @param refreshTools lists the tools again, for a dialect that retries a tool call
	 * after the server rejected stale tool metadata
	 * @return the result
	 */
	Mono<JsonNode> call(String method, @Nullable Object params, Duration timeout, Supplier<Mono<?>> refreshTools);

	/**
	 * Check that the server answers.
	 * @param timeout how long it may take
	 * @return completes when it answered
	 */
	Mono<Void> ping(Duration timeout);

	/**
	 * Ask the server for log messages from a level up.
	 * @param level the level
	 * @param timeout how long it may take
	 * @return completes when the level applies
	 */
	Mono<Void> setLoggingLevel(LoggingLevel level, Duration timeout);

	/**
	 * The tools of a listing that this dialect can call.
	 * @param result the listing
	 * @return the usable part of it
	 */
	ListToolsResult usableTools(ListToolsResult result);

	/**
	 * Open the stream on which the server sends messages of its own accord, once.
	 * @param stream state kept across reopenings
	 * @param onAnswer run when the server has answered the request for the stream
	 * @return the messages
	 */
	Flux<JsonRpcMessage> listen(SseStreamState stream, Runnable onAnswer);

	/**
	 * Hear a notification the server sent, for state the dialect keeps.
	 * @param method the notification method
	 * @param params its parameters
	 */
	void onNotification(String method, @Nullable JsonNode params);

	/**
	 * End the connection on the server's side, if the era has anything to end.
	 * @return completes when the server has answered
	 */
	Mono<Void> close();

}
