package io.github.mcpclient.observation;

import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.protocol.JsonRpcError;
import org.jspecify.annotations.Nullable;

/**
 * The {@code error.type} of a failure: the JSON-RPC error code when the server answered
 * with one, the failure's class otherwise, as the conventions ask.
 */
final class ErrorTypes {

	static final String TOOL_ERROR = "tool_error";

	private ErrorTypes() {
	}

	static @Nullable String of(@Nullable Throwable error, @Nullable Integer rpcErrorCode) {
		if (rpcErrorCode != null) {
			return String.valueOf(rpcErrorCode);
		}
		if (error == null) {
			return null;
		}
		JsonRpcError rpcError = (error instanceof McpException mcp) ? mcp.getRpcError() : null;
		return (rpcError != null) ? String.valueOf(rpcError.code()) : error.getClass().getName();
	}

	static @Nullable Integer code(@Nullable Throwable error, @Nullable Integer rpcErrorCode) {
		if (rpcErrorCode != null) {
			return rpcErrorCode;
		}
		JsonRpcError rpcError = (error instanceof McpException mcp) ? mcp.getRpcError() : null;
		return (rpcError != null) ? rpcError.code() : null;
	}

}
