package io.github.mcpclient.exception;

import io.github.mcpclient.protocol.JsonRpcError;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when an HTTP exchange with the server fails: an I/O error, an error status, or a
 * response the client cannot read.
 *
 * @since 0.1.0
 */
public class McpTransportException extends McpException {

	/** Status used when no HTTP response was received. */
	public static final int NO_STATUS = 0;

	private final int status;

	private final @Nullable String bodyExcerpt;

	private final @Nullable JsonRpcError rpcError;

	public McpTransportException(String connectionName, String method, String detail, @Nullable Throwable cause) {
		this(connectionName, method, NO_STATUS, detail, null, null, cause);
	}

	public McpTransportException(String connectionName, String method, int status, String detail,
			@Nullable String bodyExcerpt, @Nullable JsonRpcError rpcError, @Nullable Throwable cause) {
		super(connectionName, method, detail, cause);
		this.status = status;
		this.bodyExcerpt = bodyExcerpt;
		this.rpcError = rpcError;
	}

	/**
	 * The HTTP status of the failed response.
	 * @return the status, or {@link #NO_STATUS} if no response was received
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * The start of the response body, for diagnosis.
	 * @return the excerpt, or {@code null} if there was no body
	 */
	public @Nullable String getBodyExcerpt() {
		return this.bodyExcerpt;
	}

	/**
	 * The JSON-RPC error the body carried, if it was one.
	 * @return the error or {@code null}
	 */
	@Override
	public @Nullable JsonRpcError getRpcError() {
		return this.rpcError;
	}

	/**
	 * Whether the server refused the request for lack of valid credentials (401) or
	 * permission (403).
	 * @return {@code true} for 401 and 403
	 */
	public boolean isAuthenticationFailure() {
		return this.status == 401 || this.status == 403;
	}

}
