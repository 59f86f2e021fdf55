package io.github.mcpclient.exception;

import java.time.Duration;

/**
 * Thrown when the server did not answer within the configured time.
 *
 * @since 0.1.0
 */
public class McpTimeoutException extends McpException {

	private final Duration timeout;

	public McpTimeoutException(String connectionName, String method, Duration timeout) {
		super(connectionName, method, "no response within " + timeout.toMillis() + " ms");
		this.timeout = timeout;
	}

	/**
	 * The time that elapsed without an answer.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
