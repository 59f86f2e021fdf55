package io.github.mcpclient.exception;

import io.github.mcpclient.protocol.JsonRpcError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Thrown when the server answered a request with a JSON-RPC error.
 *
 * @since 0.1.0
 */
public class McpProtocolException extends McpException {

	private final JsonRpcError error;

	public McpProtocolException(String connectionName, String method, JsonRpcError error) {
		super(connectionName, method, "server returned error " + error.code() + ": " + error.message());
		this.error = error;
	}

	/**
	 * The JSON-RPC error the server sent.
	 * @return the error
	 */
	public JsonRpcError getError() {
		return this.error;
	}

	@Override
	public JsonRpcError getRpcError() {
		return this.error;
	}

	/**
	 * The JSON-RPC error code.
	 * @return the code
	 */
	public int getCode() {
		return this.error.code();
	}

	/**
	 * The additional error data the server sent, if any.
	 * @return the data or {@code null}
	 */
	public @Nullable JsonNode getData() {
		return this.error.data();
	}

}
