package io.github.mcpclient.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Counters of one connection's traffic since the client was created.
 *
 * @param requests requests and notifications sent
 * @param failures calls that failed
 * @param reinitializations handshakes after the first successful one
 * @param lastError the most recent failure, if any
 * @param retries requests the client sent again by itself: after a session expired, a
 * connection was refused, or the server asked it to come back later
 * @param userSessions the sessions kept now for the users of a connection that authorizes
 * each user; 0 for a connection whose calls share one session
 * @since 0.1.0
 */
public record McpSessionStatistics(long requests, long failures, long reinitializations, @Nullable LastError lastError,
		long retries, int userSessions) {

	public McpSessionStatistics(long requests, long failures, long reinitializations, @Nullable LastError lastError) {
		this(requests, failures, reinitializations, lastError, 0, 0);
	}

	public McpSessionStatistics(long requests, long failures, long reinitializations, @Nullable LastError lastError,
			long retries) {
		this(requests, failures, reinitializations, lastError, retries, 0);
	}

	/**
	 * The most recent failure of a connection.
	 *
	 * @param type the exception class name
	 * @param message the exception message
	 * @param at when it happened
	 */
	public record LastError(String type, String message, Instant at) {
	}

}
