package io.github.mcpclient.exception;

import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.Root;
import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the MCP client throws; the message names the connection and the
 * MCP method the failure belongs to.
 *
 * @since 0.1.0
 */
public class McpException extends RuntimeException {

	private final String connectionName;

	private final String method;

	public McpException(String connectionName, String method, String detail) {
		this(connectionName, method, detail, null);
	}

	public McpException(String connectionName, String method, String detail, @Nullable Throwable cause) {
		super(describe(connectionName, method, detail), cause);
		this.connectionName = connectionName;
		this.method = method;
	}

	/**
	 * Name of the configured connection the failure happened on.
	 * @return the connection name
	 */
	public String getConnectionName() {
		return this.connectionName;
	}

	/**
	 * MCP method (for example {@code tools/call}) whose exchange failed.
	 * @return the method name
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The JSON-RPC error behind this failure, if the server sent one: in a JSON-RPC
	 * response, or in the body of an HTTP error.
	 * @return the error, or {@code null}
	 */
	public @Nullable JsonRpcError getRpcError() {
		return null;
	}

	private static String describe(String connectionName, String method, String detail) {
		return "MCP connection '" + connectionName + "', method '" + method + "': " + detail;
	}

}
