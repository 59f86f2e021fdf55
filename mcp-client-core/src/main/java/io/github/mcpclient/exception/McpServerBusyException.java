package io.github.mcpclient.exception;

import java.time.Duration;

import io.github.mcpclient.protocol.JsonRpcError;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the server, or a proxy in front of it, asked the client to come back later:
 * 429 (too many requests), 502, 503 or 504, with the {@code Retry-After} it gave, if any.
 * Requests that are safe to repeat are sent again within their deadline before this
 * reaches the caller; a tool call is not, unless the connection allows it.
 *
 * @since 0.1.0
 */
public class McpServerBusyException extends McpTransportException {

	private final @Nullable Duration retryAfter;

	public McpServerBusyException(String connectionName, String method, int status, String detail,
			@Nullable String bodyExcerpt, @Nullable JsonRpcError rpcError, @Nullable Duration retryAfter) {
		super(connectionName, method, status, detail, bodyExcerpt, rpcError, null);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the server asked the client to wait, from its {@code Retry-After} header.
	 * @return the delay, or {@code null} if the server named none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether a status is one a server uses to ask the client to come back later.
	 * @param status the HTTP status
	 * @return {@code true} for 429, 502, 503 and 504
	 */
	public static boolean isBusyStatus(int status) {
		return status == 429 || status == 502 || status == 503 || status == 504;
	}

}
