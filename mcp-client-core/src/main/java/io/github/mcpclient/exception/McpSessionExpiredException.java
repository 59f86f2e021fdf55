package io.github.mcpclient.exception;

/**
 * Thrown when the server answers 404 to a request that carried a session id (or 400
 * saying the session is not valid): the server has forgotten the session. The client has
 * already dropped it; the next call starts a new one.
 *
 * @since 0.1.0
 */
public class McpSessionExpiredException extends McpTransportException {

	private final String maskedSessionId;

	public McpSessionExpiredException(String connectionName, String method, String maskedSessionId, int status) {
		super(connectionName, method, status, "session " + maskedSessionId + " is no longer known to the server (HTTP "
				+ status + "); the next call starts a new session", null, null, null);
		this.maskedSessionId = maskedSessionId;
	}

	/**
	 * The expired session id, masked.
	 * @return the masked id
	 */
	public String getMaskedSessionId() {
		return this.maskedSessionId;
	}

}
