package io.github.mcpclient;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.ProtocolVersion;
import org.jspecify.annotations.Nullable;

/**
 * Everything one client needs to know about its connection, in groups: timeouts, size
 * limits and the protocol to speak. Build one with {@link #builder(String, URI)}, or
 * change one with {@link #toBuilder()}.
 *
 * @param connectionName the name that identifies the connection in errors, logs and the
 * actuator
 * @param url the server's MCP endpoint
 * @param headers static headers sent with every request, such as {@code Authorization}
 * @param clientInfo the name and version the client announces
 * @param listen whether to keep a stream open for messages the server sends on its own,
 * such as list changes and requests
 * @param timeouts how long calls may take
 * @param limits response size limits
 * @param protocol the protocol versions and era to speak
 * @param retry when requests are sent again
 * @param bulkhead how many requests may be in flight at once
 * @param userSessions how many sessions a connection that authorizes each user keeps
 * @since 0.1.0
 */
public record McpClientSettings(String connectionName, URI url, Map<String, String> headers, Implementation clientInfo,
		boolean listen, Timeouts timeouts, Limits limits, Protocol protocol, Retry retry, Bulkhead bulkhead,
		UserSessions userSessions) {

	/** Default time a request or the handshake may take. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	public McpClientSettings {
		headers = Map.copyOf(headers);
	}

	/**
	 * Settings with defaults for everything but the name and the endpoint.
	 * @param connectionName the connection name
	 * @param url the MCP endpoint
	 * @return the settings
	 */
	public static McpClientSettings of(String connectionName, URI url) {
		return builder(connectionName, url).build();
	}

	/**
	 * A builder that starts from the defaults.
	 * @param connectionName the connection name
	 * @param url the MCP endpoint
	 * @return the builder
	 */
	public static Builder builder(String connectionName, URI url) {
		return new Builder(connectionName, url);
	}

	/**
	 * A builder that starts from these settings.
	 * @return the builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * The client info announced unless configured otherwise.
	 * @return this library's name and version
	 */
	public static Implementation defaultClientInfo() {
		String version = McpClientSettings.class.getPackage().getImplementationVersion();
		return new Implementation("mcp-client-spring-boot", (version != null) ? version : "dev");
	}

	/**
	 * How long one request may take, from sending it to its complete result.
	 * @return the request timeout
	 */
	public Duration requestTimeout() {
		return this.timeouts.request();
	}

	/**
	 * How long connecting may take: the handshake, or the era probe and discover.
	 * @return the initialize timeout
	 */
	public Duration initializeTimeout() {
		return this.timeouts.initialize();
	}

	@Override
	public String toString() {
		// Header values may be credentials.
		return "McpClientSettings[connection=" + this.connectionName + ", url=" + this.url + ", headers="
				+ this.headers.keySet() + ", protocolVersions=" + this.protocol.versions() + ", era="
				+ ((this.protocol.era() != null) ? this.protocol.era() : "automatic") + "]";
	}

	/**
	 * How long calls may take. Every call ends within its bound, notifications included.
	 *
	 * @param request how long one request may take, input rounds and resumptions included
	 * @param initialize how long connecting may take
	 * @since 0.1.0
	 */
	public record Timeouts(Duration request, Duration initialize) {

		/** 30 seconds for each. */
		public static final Timeouts DEFAULTS = new Timeouts(DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);

		public Timeouts {
			if (!isPositive(request) || !isPositive(initialize)) {
				throw new IllegalArgumentException("timeouts must be positive");
			}
		}

		static boolean isPositive(Duration duration) {
			return !duration.isNegative() && !duration.isZero();
		}

	}

	/**
	 * Size limits that protect the client from oversized answers.
	 *
	 * @param maxBodyBytes largest JSON response body accepted
	 * @param maxEventBytes largest single SSE event accepted
	 * @param maxResumptions how often the stream answering one request may be resumed
	 * @since 0.1.0
	 */
	public record Limits(int maxBodyBytes, int maxEventBytes, int maxResumptions) {

		/** Limits suitable for most servers: 4 MiB bodies and events, 5 resumptions. */
		public static final Limits DEFAULTS = new Limits(4 * 1024 * 1024, 4 * 1024 * 1024, 5);

		public Limits {
			if (maxBodyBytes <= 0 || maxEventBytes <= 0 || maxResumptions < 0) {
				throw new IllegalArgumentException("limits must be positive");
			}
		}

		public Limits(int maxBodyBytes, int maxEventBytes) {
			this(maxBodyBytes, maxEventBytes, DEFAULTS.maxResumptions());
		}

	}

	/**
	 * When the client sends a request again by itself, within the request's deadline. A
	 * request that never reached the server (connection refused, unknown host, connect
	 * timeout) is always safe to repeat; after a 429, 502, 503 or 504 (waiting the
	 * server's {@code Retry-After}) or an I/O failure, only requests without side effects
	 * are: listings, reads, ping, discover, completions and the handshake, and tool calls
	 * only when {@code toolCalls} is set. Waits grow from {@code firstBackoff} to
	 * {@code maxBackoff}, with jitter.
	 *
	 * @param enabled whether the client retries at all
	 * @param firstBackoff the first wait
	 * @param maxBackoff the longest wait
	 * @param toolCalls whether tool calls count as safe to repeat on this connection
	 * @since 0.1.0
	 */
	public record Retry(boolean enabled, Duration firstBackoff, Duration maxBackoff, boolean toolCalls) {

		/** Retries on, from 100 ms up to 2 s, tool calls not repeated. */
		public static final Retry DEFAULTS = new Retry(true, Duration.ofMillis(100), Duration.ofSeconds(2), false);

		/** No retries. */
		public static final Retry NONE = new Retry(false, DEFAULTS.firstBackoff(), DEFAULTS.maxBackoff(), false);

		public Retry {
			if (!Timeouts.isPositive(firstBackoff) || maxBackoff.compareTo(firstBackoff) < 0) {
				throw new IllegalArgumentException(
						"retry backoff must be positive, and the longest no shorter than the first");
			}
		}

	}

	/**
	 * A bound on the requests one connection has in flight, so that a slow server cannot
	 * take every thread of a blocking application. Beyond {@code maxInFlight}, requests
	 * wait in a queue of {@code maxQueued}; beyond that they fail at once.
	 *
	 * @param maxInFlight the most requests in flight at once, 0 for no bound
	 * @param maxQueued the most requests waiting for their turn
	 * @since 0.1.0
	 */
	public record Bulkhead(int maxInFlight, int maxQueued) {

		/** No bound. */
		public static final Bulkhead NONE = new Bulkhead(0, 0);

		public Bulkhead {
			if (maxInFlight < 0 || maxQueued < 0) {
				throw new IllegalArgumentException("bulkhead sizes must not be negative");
			}
		}

		/**
		 * Whether requests are bounded at all.
		 * @return {@code true} if {@code maxInFlight} is positive
		 */
		public boolean isBounded() {
			return this.maxInFlight > 0;
		}

	}

	/**
	 * The bounds on the sessions of a connection whose authorization differs per user.
	 * Such a connection keeps one session per user, so that a session established with
	 * one user's token never carries another user's call. Beyond {@code maxSessions}, or
	 * after {@code idleTimeout} without a call, a user's session is ended (the server is
	 * told) and the user's next call starts a new one.
	 *
	 * @param maxSessions the most sessions kept at once
	 * @param idleTimeout how long a session is kept without a call
	 * @since 0.2.0
	 */
	public record UserSessions(int maxSessions, Duration idleTimeout) {

		/** 1,000 sessions, 30 minutes. */
		public static final UserSessions DEFAULTS = new UserSessions(1000, Duration.ofMinutes(30));

		public UserSessions {
			if (maxSessions < 1) {
				throw new IllegalArgumentException("the most user sessions must be at least 1");
			}
			if (idleTimeout.isNegative() || idleTimeout.isZero()) {
				throw new IllegalArgumentException("the idle timeout of user sessions must be positive");
			}
		}

	}

	/**
	 * Which protocol the client speaks.
	 *
	 * @param versions the protocol versions the client accepts, preferred first
	 * @param era the era to speak, or {@code null} to choose automatically
	 * @since 0.1.0
	 */
	public record Protocol(List<String> versions, @Nullable Era era) {

		/** Every supported version, the era chosen automatically. */
		public static final Protocol DEFAULTS = new Protocol(ProtocolVersion.SUPPORTED, null);

		public Protocol {
			versions = List.copyOf(versions);
			if (versions.isEmpty() || !ProtocolVersion.SUPPORTED.containsAll(versions)) {
				throw new IllegalArgumentException("protocol versions must be among " + ProtocolVersion.SUPPORTED);
			}
			if (era != null && versions.stream().noneMatch((version) -> ProtocolVersion.eraOf(version) == era)) {
				throw new IllegalArgumentException("no protocol version of the " + era + " era among " + versions);
			}
		}

		/**
		 * The accepted versions of one era, preferred first.
		 * @param era the era
		 * @return the versions, empty if the era is ruled out
		 */
		public List<String> versionsOf(Era era) {
			if (this.era != null && this.era != era) {
				return List.of();
			}
			return this.versions.stream().filter((version) -> ProtocolVersion.eraOf(version) == era).toList();
		}

	}

	/**
	 * Builds {@link McpClientSettings}; each setter replaces one value or one group.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final String connectionName;

		private final URI url;

		private Map<String, String> headers = new LinkedHashMap<>();

		private Implementation clientInfo = defaultClientInfo();

		private boolean listen;

		private Duration requestTimeout = Timeouts.DEFAULTS.request();

		private Duration initializeTimeout = Timeouts.DEFAULTS.initialize();

		private Limits limits = Limits.DEFAULTS;

		private List<String> protocolVersions = Protocol.DEFAULTS.versions();

		private @Nullable Era era;

		private Retry retry = Retry.DEFAULTS;

		private Bulkhead bulkhead = Bulkhead.NONE;

		private UserSessions userSessions = UserSessions.DEFAULTS;

		private Builder(String connectionName, URI url) {
			this.connectionName = connectionName;
			this.url = url;
		}

		private Builder(McpClientSettings settings) {
			this(settings.connectionName, settings.url);
			this.headers = new LinkedHashMap<>(settings.headers);
			this.clientInfo = settings.clientInfo;
			this.listen = settings.listen;
			timeouts(settings.timeouts);
			this.limits = settings.limits;
			protocol(settings.protocol);
			this.retry = settings.retry;
			this.bulkhead = settings.bulkhead;
			this.userSessions = settings.userSessions;
		}

		public Builder headers(Map<String, String> headers) {
			this.headers = new LinkedHashMap<>(headers);
			return this;
		}

		public Builder clientInfo(Implementation clientInfo) {
			this.clientInfo = clientInfo;
			return this;
		}

		public Builder listen(boolean listen) {
			this.listen = listen;
			return this;
		}

		public Builder timeouts(Timeouts timeouts) {
			this.requestTimeout = timeouts.request();
			this.initializeTimeout = timeouts.initialize();
			return this;
		}

		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
			return this;
		}

		public Builder initializeTimeout(Duration initializeTimeout) {
			this.initializeTimeout = initializeTimeout;
			return this;
		}

		public Builder limits(Limits limits) {
			this.limits = limits;
			return this;
		}

		public Builder protocol(Protocol protocol) {
			this.protocolVersions = protocol.versions();
			this.era = protocol.era();
			return this;
		}

		public Builder protocolVersions(List<String> protocolVersions) {
			this.protocolVersions = List.copyOf(protocolVersions);
			return this;
		}

		public Builder era(@Nullable Era era) {
			this.era = era;
			return this;
		}

		public Builder retry(Retry retry) {
			this.retry = retry;
			return this;
		}

		public Builder bulkhead(Bulkhead bulkhead) {
			this.bulkhead = bulkhead;
			return this;
		}

		public Builder userSessions(UserSessions userSessions) {
			this.userSessions = userSessions;
			return this;
		}

		/**
		 * The settings; every group validates its values.
		 * @return the settings
		 * @throws IllegalArgumentException if a value is invalid
		 */
		public McpClientSettings build() {
			return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo, this.listen,
					new Timeouts(this.requestTimeout, this.initializeTimeout), this.limits,
					new Protocol(this.protocolVersions, this.era), this.retry, this.bulkhead, this.userSessions);
		}

	}

}
