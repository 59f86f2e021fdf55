package io.github.mcpclient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.ProtocolVersion;
import io.github.mcpclient.transport.TransportLimits;
import org.jspecify.annotations.Nullable;

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
 * @param era the protocol era to speak, or {@code null} to choose automatically
 * @param eraVerdicts where the automatic choice is remembered per server origin
 */
public record McpClientSettings(String connectionName, URI url, Map<String, String> headers,
		Implementation clientInfo, boolean listen, List<String> protocolVersions,
		Duration requestTimeout, Duration initializeTimeout, TransportLimits limits, @Nullable Era era,
		EraVerdicts eraVerdicts) {

	/** Default time a request or the handshake may take. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	public McpClientSettings {
		headers = Map.copyOf(headers);
		protocolVersions = List.copyOf(protocolVersions);
		if (protocolVersions.isEmpty() || !ProtocolVersion.SUPPORTED.containsAll(protocolVersions)) {
			throw new IllegalArgumentException("protocol versions must be among " + ProtocolVersion.SUPPORTED);
		}
		if (era != null && protocolVersions.stream().noneMatch((version) -> ProtocolVersion.eraOf(version) == era)) {
			throw new IllegalArgumentException("no protocol version of the " + era + " era among " + protocolVersions);
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
				ProtocolVersion.SUPPORTED, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, TransportLimits.DEFAULTS, null,
				EraVerdicts.shared());
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
				this.protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits, this.era, this.eraVerdicts);
	}

	public McpClientSettings withClientInfo(Implementation clientInfo) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, clientInfo, this.listen,
				this.protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits, this.era, this.eraVerdicts);
	}

	public McpClientSettings withListen(boolean listen) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo, listen,
				this.protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits, this.era, this.eraVerdicts);
	}

	public McpClientSettings withProtocolVersions(List<String> protocolVersions) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo,
				this.listen, protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits, this.era, this.eraVerdicts);
	}

	public McpClientSettings withRequestTimeout(Duration requestTimeout) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo,
				this.listen, this.protocolVersions, requestTimeout, this.initializeTimeout, this.limits, this.era, this.eraVerdicts);
	}

	public McpClientSettings withInitializeTimeout(Duration initializeTimeout) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo,
				this.listen, this.protocolVersions, this.requestTimeout, initializeTimeout, this.limits, this.era, this.eraVerdicts);
	}

	public McpClientSettings withLimits(TransportLimits limits) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo,
				this.listen, this.protocolVersions, this.requestTimeout, this.initializeTimeout, limits, this.era, this.eraVerdicts);
	}

	public McpClientSettings withEra(@Nullable Era era) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo, this.listen,
				this.protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits, era,
				this.eraVerdicts);
	}

	public McpClientSettings withEraVerdicts(EraVerdicts eraVerdicts) {
		return new McpClientSettings(this.connectionName, this.url, this.headers, this.clientInfo, this.listen,
				this.protocolVersions, this.requestTimeout, this.initializeTimeout, this.limits, this.era,
				eraVerdicts);
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
		return this.protocolVersions.stream().filter((version) -> ProtocolVersion.eraOf(version) == era).toList();
	}

	@Override
	public String toString() {
		// Header values may be credentials.
		return "McpClientSettings[connection=" + this.connectionName + ", url=" + this.url + ", headers="
				+ this.headers.keySet() + ", protocolVersions=" + this.protocolVersions + ", era="
				+ ((this.era != null) ? this.era : "automatic") + "]";
	}

}
