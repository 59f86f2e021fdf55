package io.github.mcpclient.transport.sse;

import org.jspecify.annotations.Nullable;

/**
 * One event dispatched from a {@code text/event-stream} body.
 *
 * @param id the last event ID in effect when the event was dispatched, which an event
 * without an {@code id} field inherits from the events before it, or {@code null} if the
 * stream has not set one (or reset it with an empty {@code id} field)
 * @param event the event type, {@value #DEFAULT_EVENT_TYPE} when the event named none
 * @param data the values of the event's {@code data} fields, joined with {@code "\n"}
 * @param retry the reconnection time in milliseconds from this event's own {@code retry}
 * field, or {@code null} if it had no valid one
 * @since 0.1.0
 */
public record SseEvent(@Nullable String id, String event, String data, @Nullable Long retry) {

	/**
	 * Event type of an event that has no {@code event} field, as in the browser's
	 * {@code EventSource}.
	 */
	public static final String DEFAULT_EVENT_TYPE = "message";

}
