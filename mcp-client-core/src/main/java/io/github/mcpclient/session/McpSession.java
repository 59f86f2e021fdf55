package io.github.mcpclient.session;

import java.net.URI;
import java.time.Instant;

import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.ServerCapabilities;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of one connection's session.
 *
 * @param connectionName the configured connection name
 * @param url the server's MCP endpoint
 * @param state where the connection is in its life
 * @param era the protocol era in use, once known
 * @param protocolVersion the negotiated protocol version, once known
 * @param sessionId the server-assigned session id, or {@code null} for a stateless server
 * or before the handshake
 * @param serverInfo the server's name and version, once known
 * @param serverCapabilities what the server offers, once known
 * @param instructions the server's usage instructions, if it gave any
 * @param establishedAt when the current session was established
 * @param lastActivityAt when the last exchange with the server completed
 * @since 0.1.0
 */
public record McpSession(String connectionName, URI url, SessionState state, @Nullable Era era,
		@Nullable String protocolVersion, @Nullable String sessionId, @Nullable Implementation serverInfo,
		@Nullable ServerCapabilities serverCapabilities, @Nullable String instructions, @Nullable Instant establishedAt,
		@Nullable Instant lastActivityAt) {

	/**
	 * A snapshot of a connection that has not talked to its server yet.
	 * @param connectionName the connection name
	 * @param url the endpoint
	 * @return the snapshot
	 */
	public static McpSession initial(String connectionName, URI url) {
		return new McpSession(connectionName, url, SessionState.NEW, null, null, null, null, null, null, null, null);
	}

	/**
	 * Whether the server assigned a session id.
	 * @return {@code true} for a stateful session
	 */
	public boolean hasSessionId() {
		return this.sessionId != null;
	}

	@Override
	public String toString() {
		return "McpSession[connection=" + this.connectionName + ", url=" + this.url + ", state=" + this.state + ", era="
				+ this.era + ", protocolVersion=" + this.protocolVersion + ", sessionId="
				+ SessionIds.mask(this.sessionId) + ", serverInfo=" + this.serverInfo + "]";
	}

}
