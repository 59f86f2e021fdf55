package io.github.mcpclient.protocol;

/**
 * A JSON-RPC 2.0 message as MCP exchanges it: a request, a notification or a response.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic#messages">MCP
 * messages</a>
 * @since 0.1.0
 */
public sealed interface JsonRpcMessage permits JsonRpcRequest, JsonRpcNotification, JsonRpcResponse {

	/**
	 * The JSON-RPC version every message carries.
	 */
	String VERSION = "2.0";

}
