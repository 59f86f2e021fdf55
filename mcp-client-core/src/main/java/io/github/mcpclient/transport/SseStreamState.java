package io.github.mcpclient.transport;

import java.time.Duration;

import io.github.mcpclient.transport.sse.SseEventParser;
import org.jspecify.annotations.Nullable;

/**
 * What a client must remember about one SSE stream to resume it: the id of the last event
 * seen and the reconnection delay the server asked for.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#resumability-and-redelivery">Resumability</a>
 * @since 0.1.0
 */
public final class SseStreamState {

	private volatile @Nullable String lastEventId;

	private volatile @Nullable Long retryMillis;

	private volatile boolean eventStream;

	private volatile boolean answered;

	/**
	 * The id of the last event the stream delivered.
	 * @return the id, or {@code null} if the server gave none
	 */
	public @Nullable String lastEventId() {
		return this.lastEventId;
	}

	/**
	 * How long to wait before reconnecting: the server's last {@code retry} value, or the
	 * given default.
	 * @param fallback the delay to use when the server named none
	 * @return the delay
	 */
	public Duration retryDelay(Duration fallback) {
		Long retry = this.retryMillis;
		return (retry != null) ? Duration.ofMillis(retry) : fallback;
	}

	/**
	 * Whether the answer was an event stream, the only kind that can be resumed.
	 * @return {@code true} for {@code text/event-stream}
	 */
	public boolean isEventStream() {
		return this.eventStream;
	}

	/**
	 * Whether the stream delivered the answer to its request, after which it is never
	 * resumed.
	 * @return {@code true} once answered
	 */
	public boolean isAnswered() {
		return this.answered;
	}

	void answered() {
		this.answered = true;
	}

	void eventStreamOpened() {
		this.eventStream = true;
	}

	void update(SseEventParser parser) {
		String id = parser.lastEventId();
		if (id != null) {
			this.lastEventId = id;
		}
		Long retry = parser.retry();
		if (retry != null) {
			this.retryMillis = retry;
		}
	}

}
