package io.github.mcpclient.transport;

import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionHolder;
import io.github.mcpclient.session.SessionIds;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Keeps one connection's session on the wire: attaches {@code MCP-Session-Id} and
 * {@code MCP-Protocol-Version} to every request after {@code initialize}, captures the
 * session id from the initialize response only, and turns a 404 to a request that
 * carried a session id into a {@link McpSessionExpiredException}.
 * <p>
 * Requests without the {@link #METHOD_ATTRIBUTE} attribute are not MCP traffic and pass
 * through untouched.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session management</a>
 */
public final class McpSessionFilter implements ExchangeFilterFunction {

	/** Request attribute naming the MCP method an exchange carries. */
	public static final String METHOD_ATTRIBUTE = McpSessionFilter.class.getName() + ".method";

	/** The method name of the handshake. */
	public static final String INITIALIZE = "initialize";

	private static final Log logger = LogFactory.getLog(McpSessionFilter.class);

	private final McpSessionHolder holder;

	public McpSessionFilter(McpSessionHolder holder) {
		this.holder = holder;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String method = (String) request.attribute(METHOD_ATTRIBUTE).orElse(null);
		if (method == null) {
			return next.exchange(request);
		}
		boolean initialize = INITIALIZE.equals(method);
		McpSession session = this.holder.snapshot();
		String sessionId = initialize ? null : session.sessionId();
		String protocolVersion = initialize ? null : session.protocolVersion();
		ClientRequest withHeaders = ClientRequest.from(request).headers((headers) -> {
			headers.remove(McpHeaders.SESSION_ID);
			headers.remove(McpHeaders.PROTOCOL_VERSION);
			if (sessionId != null) {
				headers.set(McpHeaders.SESSION_ID, sessionId);
			}
			if (protocolVersion != null) {
				headers.set(McpHeaders.PROTOCOL_VERSION, protocolVersion);
			}
		}).build();
		return next.exchange(withHeaders).flatMap((response) -> inspect(response, method, initialize, sessionId));
	}

	private Mono<ClientResponse> inspect(ClientResponse response, String method, boolean initialize,
			@Nullable String sentSessionId) {
		if (initialize && response.statusCode().is2xxSuccessful()) {
			String assigned = response.headers().asHttpHeaders().getFirst(McpHeaders.SESSION_ID);
			if (assigned != null && !assigned.isBlank() && this.holder.captureSessionId(assigned)) {
				logger.debug("Connection '" + this.holder.snapshot().connectionName() + "' got session "
						+ SessionIds.mask(assigned));
			}
		}
		if (sentSessionId != null && response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
			String connection = this.holder.snapshot().connectionName();
			this.holder.expire(sentSessionId);
			String masked = SessionIds.mask(sentSessionId);
			logger.debug("Connection '" + connection + "': session " + masked + " expired on " + method);
			return response.releaseBody()
				.then(Mono.error(new McpSessionExpiredException(connection, method, masked)));
		}
		return Mono.just(response);
	}

}
