package io.github.mcpclient.protocol;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The error object of a failed JSON-RPC call.
 *
 * @param code the error code
 * @param message the short description the server gave
 * @param data additional information, if any
 * @since 0.1.0
 */
public record JsonRpcError(int code, String message, @Nullable JsonNode data) {

	/** The method does not exist or is not available. */
	public static final int METHOD_NOT_FOUND = -32601;

	/** Invalid method parameters. */
	public static final int INVALID_PARAMS = -32602;

	/** Internal JSON-RPC error. */
	public static final int INTERNAL_ERROR = -32603;

	/** The request was not valid JSON-RPC. */
	public static final int INVALID_REQUEST = -32600;

	/** Headers and body of a modern request disagree (2026-07-28). */
	public static final int HEADER_MISMATCH = -32020;

	/** The request lacks a client capability the server needs (2026-07-28). */
	public static final int MISSING_CAPABILITY = -32021;

	/** The server does not speak the requested protocol version (2026-07-28). */
	public static final int UNSUPPORTED_VERSION = -32022;

	/** The message was not valid JSON. */
	public static final int PARSE_ERROR = -32700;

}
