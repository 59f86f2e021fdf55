package io.github.mcpclient.exception;

/**
 * Thrown by {@link io.github.mcpclient.transport.JsonRpcCodec} when a peer sends
 * something that is not a JSON-RPC message; the transport rethrows it as an
 * {@link McpException} naming the connection.
 *
 * @since 0.1.0
 */
public final class InvalidMessageException extends RuntimeException {

	public InvalidMessageException(String message) {
		super(message);
	}

}
