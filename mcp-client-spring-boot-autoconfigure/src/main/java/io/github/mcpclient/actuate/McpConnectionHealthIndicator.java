package io.github.mcpclient.actuate;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for one MCP connection.
 * <p>
 * By default the health is read from the connection's session alone, without any network
 * I/O: {@code READY} is {@link Status#UP UP}; {@code FAILED} (the last handshake failed)
 * is {@link Status#DOWN DOWN} with the last error; every other state is
 * {@link Status#UNKNOWN UNKNOWN}. Clients connect lazily, and a session that was never
 * opened, is being opened, or was ended by either side is reopened by the next call, so
 * nothing is known to be wrong; Boot's default status order ranks {@code UNKNOWN} below
 * {@code UP} and maps it to HTTP 200, so such a connection never takes the application
 * down.
 * <p>
 * With pinging on, every check pings the server (connecting first if needed, bounded by
 * the connection's timeouts) and reports {@link Status#DOWN DOWN} when that fails.
 *
 * @since 0.1.0
 */
public class McpConnectionHealthIndicator implements HealthIndicator {

	private final McpClient client;

	private final boolean ping;

	/**
	 * Create an indicator for a connection.
	 * @param client the connection's client
	 * @param ping whether each check pings the server
	 */
	public McpConnectionHealthIndicator(McpClient client, boolean ping) {
		this.client = client;
		this.ping = ping;
	}

	@Override
	public Health health() {
		if (this.ping) {
			try {
				this.client.ping();
			}
			catch (RuntimeException ex) {
				return withSessionDetails(Health.down(ex)).build();
			}
			return withSessionDetails(Health.up()).build();
		}
		return fromSession();
	}

	private Health fromSession() {
		Health.Builder builder = switch (this.client.session().state()) {
			case READY -> Health.up();
			case FAILED -> failed();
			case NEW, INITIALIZING, EXPIRED, CLOSED -> Health.unknown();
		};
		return withSessionDetails(builder).build();
	}

	private Health.Builder failed() {
		Health.Builder builder = Health.down();
		McpSessionStatistics.LastError lastError = this.client.statistics().lastError();
		if (lastError != null) {
			// The same shape Health.down(Throwable) gives, though only the error's record
			// is kept.
			builder.withDetail("error", lastError.type() + ": " + lastError.message());
		}
		return builder;
	}

	private Health.Builder withSessionDetails(Health.Builder builder) {
		McpSession session = this.client.session();
		builder.withDetail("state", session.state());
		if (session.protocolVersion() != null) {
			builder.withDetail("protocolVersion", session.protocolVersion());
		}
		Implementation server = session.serverInfo();
		if (server != null) {
			builder.withDetail("serverName", server.name());
		}
		return builder;
	}

}
