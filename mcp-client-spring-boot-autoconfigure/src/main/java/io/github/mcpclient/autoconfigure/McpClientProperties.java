package io.github.mcpclient.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.mcpclient.protocol.Era;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for MCP clients.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.client")
public class McpClientProperties {

	/**
	 * Whether to create MCP clients.
	 */
	private boolean enabled = true;

	/**
	 * Name and version the client announces to servers.
	 */
	private final ClientInfo clientInfo = new ClientInfo();

	/**
	 * Timeout for one request, unless a connection sets its own.
	 */
	private Duration requestTimeout = Duration.ofSeconds(30);

	/**
	 * Timeout for the initialize handshake, unless a connection sets its own.
	 */
	private Duration initializeTimeout = Duration.ofSeconds(30);

	/**
	 * Protocol version to require of every server, unless a connection sets its own. By
	 * default the newest supported version of the server's era is offered and older
	 * supported ones are accepted.
	 */
	private @Nullable String protocolVersion;

	/**
	 * Protocol era to speak with every server, unless a connection sets its own. By
	 * default each server's era is found out with a discover probe and remembered per
	 * origin.
	 */
	private @Nullable Era era;

	/**
	 * Whether to connect to every server in the background once the application has
	 * started, instead of on first use.
	 */
	private boolean initializeOnStartup;

	/**
	 * Whether a server that cannot be reached at startup stops the application. Only
	 * applies with initialize-on-startup.
	 */
	private boolean failFast;

	/**
	 * Whether to keep a GET stream open to each server for the requests and notifications
	 * it sends of its own accord, unless a connection sets its own. Defaults to whether
	 * the application defines an elicitation, sampling or roots handler or a notification
	 * listener.
	 */
	private @Nullable Boolean listen;

	/**
	 * Timeout for ending all sessions when the application shuts down.
	 */
	private Duration closeTimeout = Duration.ofSeconds(5);

	/**
	 * Largest JSON response body accepted.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(4);

	/**
	 * Largest single server-sent event accepted.
	 */
	private DataSize maxEventSize = DataSize.ofMegabytes(4);

	/**
	 * When requests are sent again by the client itself.
	 */
	private final Retry retry = new Retry();

	/**
	 * Bound on the requests each connection has in flight.
	 */
	private final Bulkhead bulkhead = new Bulkhead();

	/**
	 * MCP server connections, by name.
	 */
	private final Map<String, Connection> connections = new LinkedHashMap<>();

	public Retry getRetry() {
		return this.retry;
	}

	public Bulkhead getBulkhead() {
		return this.bulkhead;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ClientInfo getClientInfo() {
		return this.clientInfo;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public Duration getInitializeTimeout() {
		return this.initializeTimeout;
	}

	public void setInitializeTimeout(Duration initializeTimeout) {
		this.initializeTimeout = initializeTimeout;
	}

	public @Nullable String getProtocolVersion() {
		return this.protocolVersion;
	}

	public void setProtocolVersion(@Nullable String protocolVersion) {
		this.protocolVersion = protocolVersion;
	}

	public @Nullable Era getEra() {
		return this.era;
	}

	public void setEra(@Nullable Era era) {
		this.era = era;
	}

	public boolean isInitializeOnStartup() {
		return this.initializeOnStartup;
	}

	public void setInitializeOnStartup(boolean initializeOnStartup) {
		this.initializeOnStartup = initializeOnStartup;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public @Nullable Boolean getListen() {
		return this.listen;
	}

	public void setListen(@Nullable Boolean listen) {
		this.listen = listen;
	}

	public Duration getCloseTimeout() {
		return this.closeTimeout;
	}

	public void setCloseTimeout(Duration closeTimeout) {
		this.closeTimeout = closeTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public DataSize getMaxEventSize() {
		return this.maxEventSize;
	}

	public void setMaxEventSize(DataSize maxEventSize) {
		this.maxEventSize = maxEventSize;
	}

	public Map<String, Connection> getConnections() {
		return this.connections;
	}

	/**
	 * Identity of the client.
	 *
	 * @since 0.1.0
	 */
	public static class ClientInfo {

		/**
		 * Client name sent to servers. Defaults to 'spring.application.name', or the
		 * library's name when that is not set.
		 */
		private @Nullable String name;

		/**
		 * Client version sent to servers. Defaults to the library's version.
		 */
		private @Nullable String version;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getVersion() {
			return this.version;
		}

		public void setVersion(@Nullable String version) {
			this.version = version;
		}

	}

	/**
	 * One MCP server.
	 *
	 * @since 0.1.0
	 */
	public static class Connection {

		/**
		 * Whether to create a client for this connection.
		 */
		private boolean enabled = true;

		/**
		 * Whether to keep a GET stream open for the messages the server sends of its own
		 * accord. Defaults to 'mcp.client.listen'.
		 */
		private @Nullable Boolean listen;

		/**
		 * URL of the server's MCP endpoint, for example 'https://example.com/mcp'.
		 */
		private @Nullable String url;

		/**
		 * Static HTTP headers sent with every request, such as 'Authorization'.
		 */
		private final Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Timeout for one request. Defaults to 'mcp.client.request-timeout'.
		 */
		private @Nullable Duration requestTimeout;

		/**
		 * Timeout for the initialize handshake. Defaults to
		 * 'mcp.client.initialize-timeout'.
		 */
		private @Nullable Duration initializeTimeout;

		/**
		 * Protocol version to require of this server. Defaults to
		 * 'mcp.client.protocol-version'.
		 */
		private @Nullable String protocolVersion;

		/**
		 * Protocol era to speak with this server. Defaults to 'mcp.client.era'.
		 */
		private @Nullable Era era;

		/**
		 * When requests to this server are sent again. Each value defaults to the one
		 * under 'mcp.client.retry'.
		 */
		private final Retry retry = new Retry();

		/**
		 * Bound on the requests in flight to this server. Each value defaults to the one
		 * under 'mcp.client.bulkhead'.
		 */
		private final Bulkhead bulkhead = new Bulkhead();

		/**
		 * How requests to this server are authorized.
		 */
		private final Authorization authorization = new Authorization();

		public Retry getRetry() {
			return this.retry;
		}

		public Authorization getAuthorization() {
			return this.authorization;
		}

		public Bulkhead getBulkhead() {
			return this.bulkhead;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Boolean getListen() {
			return this.listen;
		}

		public void setListen(@Nullable Boolean listen) {
			this.listen = listen;
		}

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public @Nullable Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(@Nullable Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public @Nullable Duration getInitializeTimeout() {
			return this.initializeTimeout;
		}

		public void setInitializeTimeout(@Nullable Duration initializeTimeout) {
			this.initializeTimeout = initializeTimeout;
		}

		public @Nullable String getProtocolVersion() {
			return this.protocolVersion;
		}

		public void setProtocolVersion(@Nullable String protocolVersion) {
			this.protocolVersion = protocolVersion;
		}

		public @Nullable Era getEra() {
			return this.era;
		}

		public void setEra(@Nullable Era era) {
			this.era = era;
		}

	}

	/**
	 * When the client sends a request again by itself, within the request's deadline.
	 *
	 * @since 0.1.0
	 */
	public static class Retry {

		/**
		 * Whether the client sends requests again after a lost session, a refused
		 * connection or a server that asked it to come back later. Default: true.
		 */
		private @Nullable Boolean enabled;

		/**
		 * First wait before sending a request again; later waits double. Default: 100ms.
		 */
		private @Nullable Duration firstBackoff;

		/**
		 * Longest wait before sending a request again. Default: 2s.
		 */
		private @Nullable Duration maxBackoff;

		/**
		 * Whether tool calls may be sent again after a 429, 502, 503 or 504 or a broken
		 * exchange, when the server's tools have no side effects. Default: false.
		 */
		private @Nullable Boolean toolCalls;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Duration getFirstBackoff() {
			return this.firstBackoff;
		}

		public void setFirstBackoff(@Nullable Duration firstBackoff) {
			this.firstBackoff = firstBackoff;
		}

		public @Nullable Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(@Nullable Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public @Nullable Boolean getToolCalls() {
			return this.toolCalls;
		}

		public void setToolCalls(@Nullable Boolean toolCalls) {
			this.toolCalls = toolCalls;
		}

	}

	/**
	 * A bound on the requests one connection has in flight.
	 *
	 * @since 0.1.0
	 */
	public static class Bulkhead {

		/**
		 * Most requests in flight at once per connection; 0 for no bound. Default: 0.
		 */
		private @Nullable Integer maxInFlight;

		/**
		 * Most requests waiting for their turn once max-in-flight are running; the ones
		 * beyond fail at once. Default: 0.
		 */
		private @Nullable Integer maxQueued;

		public @Nullable Integer getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(@Nullable Integer maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

		public @Nullable Integer getMaxQueued() {
			return this.maxQueued;
		}

		public void setMaxQueued(@Nullable Integer maxQueued) {
			this.maxQueued = maxQueued;
		}

	}

	/**
	 * How the requests of one connection are authorized (OAuth 2.1, as the MCP
	 * specification describes).
	 *
	 * @since 0.2.0
	 */
	public static class Authorization {

		/**
		 * How the client obtains its access token.
		 */
		private Grant grant = Grant.NONE;

		/**
		 * Client id registered with the server's authorization server.
		 */
		private @Nullable String clientId;

		/**
		 * Client secret registered with the server's authorization server.
		 */
		private @Nullable String clientSecret;

		/**
		 * How the client authenticates at the token endpoint. Defaults to
		 * 'client-secret-basic' when a client secret is set, otherwise 'none'.
		 */
		private @Nullable ClientAuthenticationMethod clientAuthenticationMethod;

		/**
		 * Location of the PEM-encoded PKCS#8 private key that signs the client's
		 * assertions, for 'private-key-jwt'.
		 */
		private @Nullable Resource privateKeyLocation;

		/**
		 * Scopes to request. By default those the server's challenge or its protected
		 * resource metadata asks for.
		 */
		private final Set<String> scopes = new LinkedHashSet<>();

		/**
		 * HTTPS URL of the client's metadata document, used as its client id with
		 * authorization servers that support client id metadata documents.
		 */
		private @Nullable String clientMetadataUrl;

		/**
		 * Redirect URI for the authorization code grant. In a web application it defaults
		 * to '{baseUrl}/login/oauth2/code/{registrationId}'; in an application that is
		 * not a web application it is an 'http' URI on a loopback address, such as
		 * 'http://127.0.0.1:8765/callback', and defaults to 'http://127.0.0.1/callback'
		 * on a free port.
		 */
		private @Nullable String redirectUri;

		/**
		 * Most users whose tokens are kept at once, for the authorization code grant; the
		 * least recently used are forgotten first.
		 */
		private int maxSessions = 10000;

		/**
		 * How long a user's authorization is kept without use, for the authorization code
		 * grant.
		 */
		private Duration sessionIdleTimeout = Duration.ofMinutes(30);

		/**
		 * Whether to ask for DPoP-bound tokens (RFC 9449), for the client credentials
		 * grant: the connection proves with a key of its own on every token request and
		 * every MCP request that it holds the token. A token the authorization server
		 * issues as a bearer token is still sent as one.
		 */
		private boolean dpop;

		public Grant getGrant() {
			return this.grant;
		}

		public void setGrant(Grant grant) {
			this.grant = grant;
		}

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(@Nullable String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public @Nullable ClientAuthenticationMethod getClientAuthenticationMethod() {
			return this.clientAuthenticationMethod;
		}

		public void setClientAuthenticationMethod(@Nullable ClientAuthenticationMethod clientAuthenticationMethod) {
			this.clientAuthenticationMethod = clientAuthenticationMethod;
		}

		public boolean isDpop() {
			return this.dpop;
		}

		public void setDpop(boolean dpop) {
			this.dpop = dpop;
		}

		public @Nullable Resource getPrivateKeyLocation() {
			return this.privateKeyLocation;
		}

		public void setPrivateKeyLocation(@Nullable Resource privateKeyLocation) {
			this.privateKeyLocation = privateKeyLocation;
		}

		public Set<String> getScopes() {
			return this.scopes;
		}

		public @Nullable String getClientMetadataUrl() {
			return this.clientMetadataUrl;
		}

		public void setClientMetadataUrl(@Nullable String clientMetadataUrl) {
			this.clientMetadataUrl = clientMetadataUrl;
		}

		public @Nullable String getRedirectUri() {
			return this.redirectUri;
		}

		public void setRedirectUri(@Nullable String redirectUri) {
			this.redirectUri = redirectUri;
		}

		public int getMaxSessions() {
			return this.maxSessions;
		}

		public void setMaxSessions(int maxSessions) {
			this.maxSessions = maxSessions;
		}

		public Duration getSessionIdleTimeout() {
			return this.sessionIdleTimeout;
		}

		public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
			this.sessionIdleTimeout = sessionIdleTimeout;
		}

	}

	/**
	 * How a connection obtains its access token.
	 *
	 * @since 0.2.0
	 */
	public enum Grant {

		/**
		 * No authorization, beyond any static headers.
		 */
		NONE,

		/**
		 * The client credentials grant: the application acts as itself.
		 */
		CLIENT_CREDENTIALS,

		/**
		 * The authorization code grant with PKCE: a web application acts for its
		 * signed-in user; any other application opens the user's browser and receives the
		 * callback on a loopback port.
		 */
		AUTHORIZATION_CODE,

		/**
		 * A token the application already holds, given by its McpTokenSource bean.
		 */
		BEARER_PASS_THROUGH

	}

	/**
	 * How a client authenticates at the token endpoint.
	 *
	 * @since 0.2.0
	 */
	public enum ClientAuthenticationMethod {

		/**
		 * HTTP Basic authentication with the client id and secret.
		 */
		CLIENT_SECRET_BASIC,

		/**
		 * The client id and secret in the request body.
		 */
		CLIENT_SECRET_POST,

		/**
		 * A JWT assertion signed with the client's private key.
		 */
		PRIVATE_KEY_JWT,

		/**
		 * No authentication: a public client.
		 */
		NONE

	}

}
