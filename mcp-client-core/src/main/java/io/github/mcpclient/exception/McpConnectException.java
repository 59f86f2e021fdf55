package io.github.mcpclient.exception;

/**
 * Thrown when a request never reached the server: the connection was refused, the host
 * name did not resolve, or connecting timed out. The server cannot have acted on it, so
 * the client sends it again, within the request's deadline, before giving up with this.
 *
 * @since 0.1.0
 */
public class McpConnectException extends McpTransportException {

	public McpConnectException(String connectionName, String method, String detail, Throwable cause) {
		super(connectionName, method, detail, cause);
	}

}
