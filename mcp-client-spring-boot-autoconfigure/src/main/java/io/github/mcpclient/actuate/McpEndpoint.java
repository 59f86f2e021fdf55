package io.github.mcpclient.actuate;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.auth.McpAuthorizationState;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.session.SessionIds;
import io.github.mcpclient.session.SessionState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} that shows the state of every MCP connection and can end a
 * connection's session.
 *
 * @since 0.1.0
 */
@Endpoint(id = "mcp")
public class McpEndpoint {

	private final McpClients clients;

	private final Show showValues;

	private final Set<String> roles;

	// The kind of authorization whose calls each get the session of their user.
	private static final String PER_USER_KIND = "authorization-code";

	private final Function<String, McpAuthorizationState> authorizationStates;

	/**
	 * Create an endpoint over the given clients.
	 * @param clients the clients to report on
	 * @param showValues when to show session ids in full
	 * @param roles roles that may see session ids in full under
	 * {@link Show#WHEN_AUTHORIZED}; when empty, any authenticated user may
	 */
	public McpEndpoint(McpClients clients, Show showValues, Collection<String> roles) {
		this(clients, showValues, roles, (name) -> McpAuthorizationState.NONE);
	}

	/**
	 * Create an endpoint over the given clients that also shows how each connection is
	 * authorized.
	 * @param clients the clients to report on
	 * @param showValues when to show session ids in full
	 * @param roles roles that may see session ids in full under
	 * {@link Show#WHEN_AUTHORIZED}; when empty, any authenticated user may
	 * @param authorizationStates the authorization state of a connection, by name
	 * @since 0.2.0
	 */
	public McpEndpoint(McpClients clients, Show showValues, Collection<String> roles,
			Function<String, McpAuthorizationState> authorizationStates) {
		this.clients = clients;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
		this.authorizationStates = authorizationStates;
	}

	/**
	 * Describe every connection, in configuration order.
	 * @param securityContext the caller's security context
	 * @return the connections
	 */
	@ReadOperation
	public ConnectionsDescriptor connections(SecurityContext securityContext) {
		boolean showSessionIds = this.showValues.isShown(securityContext, this.roles);
		Map<String, ConnectionDescriptor> connections = new LinkedHashMap<>();
		for (McpClient client : this.clients) {
			connections.put(client.name(), describe(client, showSessionIds, this.authorizationStates));
		}
		return new ConnectionsDescriptor(connections);
	}

	/**
	 * Describe one connection.
	 * @param securityContext the caller's security context
	 * @param name the connection name
	 * @return the connection, or {@code null} if no connection has that name
	 */
	@ReadOperation
	public @Nullable ConnectionDescriptor connection(SecurityContext securityContext, @Selector String name) {
		McpClient client = this.clients.find(name);
		if (client == null) {
			return null;
		}
		return describe(client, this.showValues.isShown(securityContext, this.roles), this.authorizationStates);
	}

	/**
	 * End a connection's session: the server is told and the local state is cleared, so
	 * the next call on the connection starts a new session. A failure to reach the server
	 * is thrown after the local state was cleared, so the caller learns that the server
	 * may still hold the session.
	 * @param name the connection name
	 * @return {@code true} if the session was ended, {@code false} if no connection has
	 * that name
	 */
	@DeleteOperation
	public boolean closeSession(@Selector String name) {
		McpClient client = this.clients.find(name);
		if (client == null) {
			return false;
		}
		client.close();
		return true;
	}

	private static ConnectionDescriptor describe(McpClient client, boolean showSessionId,
			Function<String, McpAuthorizationState> authorizationStates) {
		McpSession session = client.session();
		McpSessionStatistics statistics = client.statistics();
		String sessionId = session.sessionId();
		String shownSessionId = null;
		String fingerprint = null;
		if (sessionId != null) {
			shownSessionId = showSessionId ? sessionId : SessionIds.mask(sessionId);
			// Given in every mode, so that masked and full reads can be matched up.
			fingerprint = SessionIds.fingerprint(sessionId);
		}
		else if (session.state() == SessionState.READY) {
			// Connected without a session: a stateless server or the modern era.
			shownSessionId = SessionIds.mask(null);
		}
		Implementation server = session.serverInfo();
		McpSessionStatistics.LastError error = statistics.lastError();
		McpAuthorizationState authorization = authorizationStates.apply(client.name());
		// A count only: who the users are is not the endpoint's to tell.
		Integer userSessions = (statistics.userSessions() > 0 || PER_USER_KIND.equals(authorization.kind()))
				? statistics.userSessions() : null;
		return new ConnectionDescriptor(client.name(), withoutUserInfo(session.url()), session.state(), session.era(),
				session.protocolVersion(), shownSessionId, fingerprint, (server != null) ? server.name() : null,
				(server != null) ? server.version() : null, session.establishedAt(), session.lastActivityAt(),
				statistics.requests(), statistics.failures(), statistics.reinitializations(), statistics.retries(),
				(error != null) ? new LastErrorDescriptor(error.type(), error.message(), error.at()) : null,
				AuthorizationDescriptor.of(authorization), userSessions);
	}

	// Credentials in the URL are as secret as a password: they never leave the
	// application, whatever show-values allows.
	static String withoutUserInfo(URI url) {
		if (url.getRawUserInfo() == null) {
			return url.toString();
		}
		StringBuilder result = new StringBuilder();
		result.append(url.getScheme()).append("://").append(url.getHost());
		if (url.getPort() != -1) {
			result.append(':').append(url.getPort());
		}
		if (url.getRawPath() != null) {
			result.append(url.getRawPath());
		}
		if (url.getRawQuery() != null) {
			result.append('?').append(url.getRawQuery());
		}
		if (url.getRawFragment() != null) {
			result.append('#').append(url.getRawFragment());
		}
		return result.toString();
	}

	/**
	 * Every MCP connection of the application, by name in configuration order.
	 *
	 * @param connections the connections
	 * @since 0.1.0
	 */
	public record ConnectionsDescriptor(
			Map<String, ConnectionDescriptor> connections) implements OperationResponseBody {

	}

	/**
	 * One MCP connection. Values not known yet are left out.
	 *
	 * @param name the connection name
	 * @param url the server's MCP endpoint, without any user info
	 * @param state where the connection is in its life
	 * @param era the protocol era in use
	 * @param protocolVersion the negotiated protocol version
	 * @param sessionId the session id, in full only where show-values allows it
	 * @param sessionIdFingerprint a fingerprint of the full session id, so that two reads
	 * can tell whether the session changed
	 * @param serverName the name the server announced
	 * @param serverVersion the version the server announced
	 * @param establishedAt when the current session was established
	 * @param lastActivityAt when the last exchange with the server completed
	 * @param requests requests and notifications sent
	 * @param failures calls that failed
	 * @param reinitializations handshakes after the first successful one
	 * @param retries requests the client sent again by itself
	 * @param lastError the most recent failure
	 * @param authorization how requests are authorized, left out for a connection without
	 * authorization
	 * @param userSessions how many sessions the connection keeps for its users, when it
	 * authorizes each user on their own; never who they are
	 * @since 0.1.0
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ConnectionDescriptor(String name, String url, SessionState state, @Nullable Era era,
			@Nullable String protocolVersion, @Nullable String sessionId, @Nullable String sessionIdFingerprint,
			@Nullable String serverName, @Nullable String serverVersion, @Nullable Instant establishedAt,
			@Nullable Instant lastActivityAt, long requests, long failures, long reinitializations, long retries,
			@Nullable LastErrorDescriptor lastError, @Nullable AuthorizationDescriptor authorization,
			@Nullable Integer userSessions) implements OperationResponseBody {

	}

	/**
	 * How a connection's requests are authorized. Never a token or a secret, and users
	 * only as a count.
	 *
	 * @param kind how the connection authorizes, such as {@code client-credentials}
	 * @param authorized whether it holds a token now
	 * @param issuer the authorization server's issuer, once discovered
	 * @param scopes the scopes granted to the token held
	 * @param expiresAt when the token held expires
	 * @param principals how many users hold tokens, for a per-user authorization
	 * @since 0.2.0
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AuthorizationDescriptor(String kind, boolean authorized, @Nullable String issuer, Set<String> scopes,
			@Nullable Instant expiresAt, int principals) {

		static @Nullable AuthorizationDescriptor of(McpAuthorizationState state) {
			if (state.equals(McpAuthorizationState.NONE)) {
				return null;
			}
			return new AuthorizationDescriptor(state.kind(), state.authorized(), state.issuer(),
					new TreeSet<>(state.scopes()), state.expiresAt(), state.principals());
		}

	}

	/**
	 * The most recent failure of a connection.
	 *
	 * @param type the exception class name
	 * @param message the exception message
	 * @param at when it happened
	 * @since 0.1.0
	 */
	public record LastErrorDescriptor(String type, String message, Instant at) {

	}

}
