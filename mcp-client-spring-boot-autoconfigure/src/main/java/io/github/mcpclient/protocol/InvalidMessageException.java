package io.github.mcpclient.protocol;

/**
 * Thrown by {@link JsonRpcCodec} when a peer sends something that is not a JSON-RPC
 * message; the transport rethrows it as an {@link McpException} naming the connection.
 */
public final class InvalidMessageException extends RuntimeException {

	public InvalidMessageException(String message) {
		super(message);
	}

}
