package io.github.mcpclient.transport;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.exception.AuthenticationChallenge;
import io.github.mcpclient.exception.InvalidMessageException;
import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.exception.McpConnectException;
import io.github.mcpclient.exception.McpServerBusyException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Turns what went wrong in an exchange into an {@link McpTransportException} that names
 * the connection and method, quotes the start of the server's answer and never reveals
 * the session id or a credential, even when the server echoes one.
 */
final class TransportFailures {

	static final int EXCERPT_BYTES = 2048;

	private static final int EXCERPT_CHARS_IN_MESSAGE = 200;

	private final String connectionName;

	private final URI endpoint;

	private final Redactor redactor;

	private final JsonRpcCodec codec;

	TransportFailures(String connectionName, URI endpoint, Redactor redactor, JsonRpcCodec codec) {
		this.connectionName = connectionName;
		this.endpoint = endpoint;
		this.redactor = redactor;
		this.codec = codec;
	}

	/**
	 * Take secrets out of a message the server sent, before anyone keeps it: the message
	 * and data of a JSON-RPC error end up in exceptions and statistics.
	 * @param message the message as read
	 * @return the message, with a redacted copy of its error if it carries one
	 */
	JsonRpcMessage redact(JsonRpcMessage message) {
		if (message instanceof JsonRpcResponse response && response.error() != null) {
			return new JsonRpcResponse(response.id(), response.result(), this.redactor.redact(response.error()));
		}
		return message;
	}

	McpTransportException invalid(String method, byte[] bytes, String problem, Throwable cause) {
		return failure(method, 200, "server sent an invalid JSON-RPC message: " + problem,
				new String(bytes, 0, Math.min(bytes.length, EXCERPT_BYTES), StandardCharsets.UTF_8), cause);
	}

	McpTransportException http(ClientResponse response, String excerpt, String method) {
		int status = response.statusCode().value();
		JsonRpcError rpcError = parseError(excerpt);
		StringBuilder detail = new StringBuilder("HTTP ").append(status);
		if (status == 404) {
			detail.append(" (no MCP endpoint at ").append(this.endpoint).append(')');
		}
		if (response.statusCode().is3xxRedirection()) {
			String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
			detail.append(" redirect to ").append(location).append(" not followed");
		}
		if (rpcError != null) {
			detail.append(": ")
				.append(rpcError.message())
				.append(" (JSON-RPC error ")
				.append(rpcError.code())
				.append(')');
		}
		if (status == 401 || status == 403) {
			List<AuthenticationChallenge> challenges = challenges(response);
			challenges.stream()
				.findFirst()
				.ifPresent((first) -> detail.append(" (").append(describe(first)).append(')'));
			String safeExcerpt = safe(excerpt);
			return new McpAuthorizationException(this.connectionName, method, status,
					message(detail.toString(), safeExcerpt, rpcError), safeExcerpt, rpcError, challenges);
		}
		if (McpServerBusyException.isBusyStatus(status)) {
			Duration retryAfter = RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
					Instant.now());
			if (retryAfter != null) {
				detail.append(" (retry after ").append(retryAfter.toMillis()).append(" ms)");
			}
			String safeExcerpt = safe(excerpt);
			return new McpServerBusyException(this.connectionName, method, status,
					message(detail.toString(), safeExcerpt, rpcError), safeExcerpt, rpcError, retryAfter);
		}
		return failure(method, status, detail.toString(), excerpt, null, rpcError);
	}

	// The challenges, with the server's free text redacted. The metadata URL stays as
	// sent:
	// it is where authorization starts.
	private List<AuthenticationChallenge> challenges(ClientResponse response) {
		List<String> values = response.headers().header(HttpHeaders.WWW_AUTHENTICATE);
		return AuthenticationChallenge.parse(values).stream().map((challenge) -> {
			Map<String, String> parameters = new LinkedHashMap<>();
			challenge.parameters()
				.forEach((name, value) -> parameters.put(name,
						"resource_metadata".equals(name) ? value : this.redactor.redact(value)));
			String token68 = challenge.token68();
			return new AuthenticationChallenge(challenge.scheme(),
					(token68 != null) ? this.redactor.redact(token68) : null, parameters);
		}).toList();
	}

	private static String describe(AuthenticationChallenge challenge) {
		StringBuilder description = new StringBuilder(challenge.scheme());
		String separator = " ";
		for (String name : List.of("error", "error_description", "scope", "resource_metadata")) {
			String value = challenge.parameter(name);
			if (value != null) {
				description.append(separator).append(name).append("=\"").append(value).append('"');
				separator = ", ";
			}
		}
		return description.toString();
	}

	private @Nullable JsonRpcError parseError(String excerpt) {
		if (excerpt.isEmpty() || excerpt.charAt(0) != '{') {
			return null;
		}
		try {
			JsonNode error = this.codec.mapper().readTree(excerpt).get("error");
			return (error != null && error.isObject()) ? this.redactor.redact(JsonRpcCodec.readError(error)) : null;
		}
		catch (JacksonException | InvalidMessageException ex) {
			return null;
		}
	}

	McpTransportException failure(String method, int status, String detail, @Nullable String excerpt,
			@Nullable Throwable cause) {
		return failure(method, status, detail, excerpt, cause, null);
	}

	private McpTransportException failure(String method, int status, String detail, @Nullable String excerpt,
			@Nullable Throwable cause, @Nullable JsonRpcError rpcError) {
		String safeExcerpt = safe(excerpt);
		return new McpTransportException(this.connectionName, method, status, message(detail, safeExcerpt, rpcError),
				safeExcerpt, rpcError, cause);
	}

	private @Nullable String safe(@Nullable String excerpt) {
		return (excerpt != null && !excerpt.isEmpty()) ? redact(excerpt) : null;
	}

	private String message(String detail, @Nullable String safeExcerpt, @Nullable JsonRpcError rpcError) {
		String message = redact(detail);
		return (rpcError == null && safeExcerpt != null) ? message + "; body starts: " + abbreviate(safeExcerpt)
				: message;
	}

	McpTransportException io(Throwable ex, String method) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String reason = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		if (neverSent(ex)) {
			return new McpConnectException(this.connectionName, method,
					"could not connect to " + this.endpoint + ": " + redact(reason), ex);
		}
		return new McpTransportException(this.connectionName, method,
				"I/O error talking to " + this.endpoint + ": " + redact(reason), ex);
	}

	// Failures before a connection existed: the server cannot have seen the request.
	private static boolean neverSent(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException
					|| "ConnectTimeoutException".equals(cause.getClass().getSimpleName())) {
				return true;
			}
		}
		return false;
	}

	// Error pages sometimes echo request headers back; never let a secret through.
	private String redact(String text) {
		return this.redactor.redact(text);
	}

	private static String abbreviate(String text) {
		String oneLine = text.strip().replaceAll("\\s+", " ");
		return (oneLine.length() <= EXCERPT_CHARS_IN_MESSAGE) ? oneLine
				: oneLine.substring(0, EXCERPT_CHARS_IN_MESSAGE) + "...";
	}

}
