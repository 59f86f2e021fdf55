package io.github.mcpclient.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.exception.McpSessionExpiredException;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.SessionIds;
import io.github.mcpclient.session.SessionState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Keeps one connection's session on the wire: attaches {@code MCP-Session-Id} and
 * {@code MCP-Protocol-Version} to every request after {@code initialize}, captures the
 * session id from the initialize response only (refusing one that is not visible ASCII or
 * is longer than {@link SessionIds#MAX_LENGTH}), and turns a 404 to a request that
 * carried a session id into a {@link McpSessionExpiredException}.
 * <p>
 * Requests without the {@link #METHOD_ATTRIBUTE} attribute are not MCP traffic and pass
 * through untouched.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session
 * management</a>
 * @since 0.1.0
 */
public final class McpSessionFilter implements ExchangeFilterFunction {

	/** Request attribute naming the MCP method an exchange carries. */
	public static final String METHOD_ATTRIBUTE = McpSessionFilter.class.getName() + ".method";

	// The context key of the session an operation's requests belong to.
	private static final String BOUND_SESSION = McpSessionFilter.class.getName() + ".session";

	private static final Log logger = LogFactory.getLog(McpSessionFilter.class);

	// The specification signals a lost session with 404, but some servers (the reference
	// "everything" server among them) answer 400 with a message about the session. A 400
	// about anything else, such as the protocol-version header, is left to the caller.
	private static final Pattern UNKNOWN_SESSION = Pattern
		.compile("(?i)(no valid|invalid|unknown|expired|terminated)[^\\n]{0,40}session"
				+ "|session[^\\n]{0,40}(not found|invalid|unknown|expired|terminated)");

	private static final int INSPECTED_BYTES = 4096;

	private final SessionBinding session;

	public McpSessionFilter(SessionBinding session) {
		this.session = session;
	}

	/**
	 * Tie the requests of an operation to the session it started on: a request of it that
	 * would go out after that session ended or was replaced fails as expired instead, so
	 * that it is never sent without its session id or with another session's.
	 * @param session the session the operation runs on
	 * @return the context change to apply to the operation
	 */
	public static Function<Context, Context> bindTo(McpSession session) {
		return (context) -> context.put(BOUND_SESSION, session);
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String method = (String) request.attribute(METHOD_ATTRIBUTE).orElse(null);
		if (method == null) {
			return next.exchange(request);
		}
		return Mono.deferContextual((context) -> filter(request, next, method,
				context.<@Nullable McpSession>getOrDefault(BOUND_SESSION, null)));
	}

	private Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next, String method,
			@Nullable McpSession bound) {
		boolean initialize = McpMethods.INITIALIZE.equals(method);
		McpSession session = this.session.current();
		if (!initialize && (session.state() == SessionState.EXPIRED || replaced(bound, session))) {
			// The session this request belongs to ended while it was on its way here;
			// without its id the server could only refuse it.
			return Mono.error(new McpSessionExpiredException(session.connectionName(), method, "(already expired)",
					HttpStatus.NOT_FOUND.value()));
		}
		String sessionId = initialize ? null : session.sessionId();
		String protocolVersion = initialize ? null : session.protocolVersion();
		// The transport puts the session's headers on as it builds a request; a request
		// is rebuilt only when the session changed since, or when it came from elsewhere.
		ClientRequest withHeaders = carries(request.headers(), initialize, sessionId, protocolVersion) ? request
				: ClientRequest.from(request)
					.headers((headers) -> putSessionHeaders(initialize, sessionId, protocolVersion, headers))
					.build();
		return next.exchange(withHeaders).flatMap((response) -> inspect(response, method, initialize, sessionId));
	}

	/**
	 * Put the headers this filter would add on a request being built, so that the filter
	 * passes it on as it is instead of rebuilding it.
	 * @param method the MCP method the request carries
	 * @param session the session as it is now
	 * @param headers the request's headers
	 */
	public static void putSessionHeaders(String method, McpSession session, HttpHeaders headers) {
		boolean initialize = McpMethods.INITIALIZE.equals(method);
		putSessionHeaders(initialize, initialize ? null : session.sessionId(),
				initialize ? null : session.protocolVersion(), headers);
	}

	private static void putSessionHeaders(boolean initialize, @Nullable String sessionId,
			@Nullable String protocolVersion, HttpHeaders headers) {
		if (initialize) {
			headers.remove(McpHeaders.SESSION_ID);
			headers.remove(McpHeaders.PROTOCOL_VERSION);
		}
		if (sessionId != null) {
			headers.set(McpHeaders.SESSION_ID, sessionId);
		}
		if (protocolVersion != null) {
			headers.set(McpHeaders.PROTOCOL_VERSION, protocolVersion);
		}
	}

	// Whether the headers already are what putSessionHeaders would make them.
	private static boolean carries(HttpHeaders headers, boolean initialize, @Nullable String sessionId,
			@Nullable String protocolVersion) {
		if (initialize) {
			return !headers.containsHeader(McpHeaders.SESSION_ID)
					&& !headers.containsHeader(McpHeaders.PROTOCOL_VERSION);
		}
		return carries(headers, McpHeaders.SESSION_ID, sessionId)
				&& carries(headers, McpHeaders.PROTOCOL_VERSION, protocolVersion);
	}

	private static boolean carries(HttpHeaders headers, String name, @Nullable String value) {
		if (value == null) {
			return true;
		}
		List<String> values = headers.get(name);
		return values != null && values.size() == 1 && value.equals(values.get(0));
	}

	private static boolean replaced(@Nullable McpSession bound, McpSession current) {
		return bound != null
				&& (current.state() != SessionState.READY || !Objects.equals(bound.sessionId(), current.sessionId())
						|| !Objects.equals(bound.establishedAt(), current.establishedAt()));
	}

	private Mono<ClientResponse> inspect(ClientResponse response, String method, boolean initialize,
			@Nullable String sentSessionId) {
		if (initialize && response.statusCode().is2xxSuccessful()) {
			String assigned = response.headers().asHttpHeaders().getFirst(McpHeaders.SESSION_ID);
			String problem = (assigned != null && !assigned.isBlank()) ? SessionIds.problemWith(assigned) : null;
			if (problem != null) {
				// Rather than echo it on every request; it may carry anything a header
				// can.
				String connection = this.session.current().connectionName();
				return ResponseBodies.discard(response, INSPECTED_BYTES)
					.onErrorComplete()
					.then(Mono.error(new McpInvalidResponseException(connection, method,
							"server assigned a session id the client refuses: " + problem)));
			}
			if (assigned != null && !assigned.isBlank() && this.session.assigned(assigned)) {
				logger.debug("Connection '" + this.session.current().connectionName() + "' got session "
						+ SessionIds.mask(assigned));
			}
		}
		if (sentSessionId != null && response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
			// The body says nothing the status does not; a large one is cut off unread.
			return ResponseBodies.discard(response, INSPECTED_BYTES)
				.onErrorComplete()
				.then(Mono.error(expired(sentSessionId, method, 404)));
		}
		if (sentSessionId != null && response.statusCode().value() == HttpStatus.BAD_REQUEST.value()) {
			return DataBufferUtils
				.join(DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class), INSPECTED_BYTES))
				.map(McpSessionFilter::text)
				.defaultIfEmpty("")
				.flatMap(
						(body) -> UNKNOWN_SESSION.matcher(body).find() ? Mono.error(expired(sentSessionId, method, 400))
								: Mono.just(response.mutate().body(body).build()));
		}
		return Mono.just(response);
	}

	private McpSessionExpiredException expired(String sessionId, String method, int status) {
		String connection = this.session.current().connectionName();
		this.session.lost(sessionId);
		String masked = SessionIds.mask(sessionId);
		logger.debug("Connection '" + connection + "': session " + masked + " expired on " + method);
		return new McpSessionExpiredException(connection, method, masked, status);
	}

	private static String text(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
