package io.github.mcpclient.exception;

/**
 * Thrown when a server broke the protocol: a result of the wrong shape, a listing that
 * repeats a cursor, a request left unanswered, or input asked for without end. The
 * exchange itself worked; retrying the same call rarely helps.
 *
 * @since 0.1.0
 */
public class McpInvalidResponseException extends McpException {

	public McpInvalidResponseException(String connectionName, String method, String detail) {
		super(connectionName, method, detail);
	}

	public McpInvalidResponseException(String connectionName, String method, String detail, Throwable cause) {
		super(connectionName, method, detail, cause);
	}

}
