package io.github.mcpclient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.ProtocolVersion;
import io.github.mcpclient.transport.TransportLimits;

/**
 * Everything one client needs to know about its connection.
 *
 * @param connectionName the name that identifies the connection in errors, logs and the
 * actuator
 * @param url the server's MCP endpoint
 * @param headers static headers sent with every request, such as {@code Authorization}
 * @param clientInfo the name and version the client announces
 * @param listen whether to keep a GET stream open for messages the server sends on its
 * own, such as list changes and requests
 * @param protocolVersions the protocol versions the client accepts, preferred first
 * @param requestTimeout how long one request may take
 * @param initializeTimeout how long the handshake may take
 * @param limits response size limits
 */
public record McpClientSettings(String connectionName, URI url, Map<String, String> headers,
		Implementation clientInfo, boolean listen, List<String> protocolVersions,
		Duration requestTimeout, Duration initializeTimeout, TransportLimits limits) {

	/** Default time a request or the handshake may take. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	public McpClientSettings {
		headers = Map.copyOf(headers);
		protocolVersions = List.copyOf(protocolVersions);
		if (protocolVersions.isEmpty()) {
			throw new IllegalArgumentException("at least one protocol version is required");
		}
		if (requestTimeout.isNegative() || requestTimeout.isZero() || initializeTimeout.isNegative()
				|| initializeTimeout.isZero()) {
			throw new IllegalArgumentException("timeouts must be positive");
		}
	}

	/**
	 * Settings with defaults for everything but the name and the endpoint.
	 * @param connectionName the connection name
	 * @param url the MCP endpoint
	 * @return the settings
	 */
	public static McpClientSettings of(String connectionName, URI url) {
		return new McpClientSettings(connectionName, url, Map.of(), defaultClientInfo(), false,
				ProtocolVersion.LEGACY_SUPPORTED, DEFAULT_TIMEOUT,
				DEFAULT_TIMEOUT, TransportLimits.DEFAULTS);
	}

	/**
	 * The client info announced unless configured otherwise.
	 * @return this library's name and version
	 */
	public static Implementation defaultClientInfo() {
		String version = McpClientSettings.class.getPackage().getImplementationVersion();
		return new Implementation("mcp-client-spring-boot", (version != null) ? version : "dev");
	}

	public McpClientSettings withHeaders(Map<String, String> headers) {
		return new McpClientSettings(this.connectionName, this.url, headers, this.clientInfo, this.listen,
				this.protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits);
	}

	public McpClientSettings withClientInfo(Implementation clientInfo) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, clientInfo, this.listen,
				this.protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits);
	}

	public McpClientSettings withListen(boolean listen) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo, listen,
				this.protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits);
	}

	public McpClientSettings withProtocolVersions(List<String> protocolVersions) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo,
				this.listen, protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits);
	}

	public McpClientSettings withRequestTimeout(Duration requestTimeout) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo,
				this.listen, this.protocolVersions, requestTimeout, this.initializeTimeout, this.limits);
	}

	public McpClientSettings withInitializeTimeout(Duration initializeTimeout) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo,
				this.listen, this.protocolVersions, this.requestTimeout, initializeTimeout, this.limits);
	}

	public McpClientSettings withLimits(TransportLimits limits) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo,
				this.listen, this.protocolVersions, this.requestTimeout, this.initializeTimeout, limits);
	}

	@Override
	public String toString() {
		// Header values may be credentials.
		return "McpClientSettings[connection=" + this.connectionName + ", url=" + this.url + ", headers="
				+ this.headers.keySet() + ", protocolVersions=" + this.protocolVersions + "]";
	}

}
