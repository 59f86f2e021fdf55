package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.ProtocolVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Resolves {@link McpClientProperties} into one validated {@link McpClientSettings} per
 * enabled connection: the one place where connection settings override defaults.
 */
final class McpClientSettingsMapper {

	static final String PREFIX = "mcp.client.";

	private final McpClientProperties properties;

	private final @Nullable String applicationName;

	private final boolean listenByDefault;

	McpClientSettingsMapper(McpClientProperties properties, @Nullable String applicationName, boolean listenByDefault) {
		this.properties = properties;
		this.applicationName = applicationName;
		this.listenByDefault = listenByDefault;
	}

	List<McpClientSettings> map() {
		List<McpClientSettings> settings = new ArrayList<>();
		enabled(this.properties.getConnections()).forEach((name, connection) -> settings.add(map(name, connection)));
		return settings;
	}

	/**
	 * The authorization of every enabled connection, validated.
	 * @return the settings by connection name, in configuration order
	 */
	Map<String, McpAuthorizationSettings> authorizations() {
		Map<String, McpAuthorizationSettings> authorizations = new LinkedHashMap<>();
		enabled(this.properties.getConnections()).forEach((name, connection) -> authorizations.put(name,
				McpAuthorizationSettings.of(name, connection.getAuthorization(), connection.getHeaders())));
		return authorizations;
	}

	/**
	 * The connections to create, in configuration order.
	 * @param connections the configured connections
	 * @return the enabled ones
	 */
	static Map<String, McpClientProperties.Connection> enabled(
			Map<String, McpClientProperties.Connection> connections) {
		Map<String, McpClientProperties.Connection> enabled = new LinkedHashMap<>();
		connections.forEach((name, connection) -> {
			if (connection.isEnabled()) {
				enabled.put(name, connection);
			}
		});
		return enabled;
	}

	private McpClientSettings map(String name, McpClientProperties.Connection connection) {
		String property = PREFIX + "connections." + name + ".";
		URI url = url(property + "url", connection.getUrl());
		Duration requestTimeout = positive(property + "request-timeout", connection.getRequestTimeout(),
				PREFIX + "request-timeout", this.properties.getRequestTimeout());
		Duration initializeTimeout = positive(property + "initialize-timeout", connection.getInitializeTimeout(),
				PREFIX + "initialize-timeout", this.properties.getInitializeTimeout());
		List<String> versions = (connection.getProtocolVersion() != null)
				? pinned(property + "protocol-version", connection.getProtocolVersion())
				: (this.properties.getProtocolVersion() != null)
						? pinned(PREFIX + "protocol-version", this.properties.getProtocolVersion())
						: ProtocolVersion.SUPPORTED;
		Era era = (connection.getEra() != null) ? connection.getEra() : this.properties.getEra();
		if (era != null && versions.stream().noneMatch((version) -> ProtocolVersion.eraOf(version) == era)) {
			String eraProperty = (connection.getEra() != null) ? property + "era" : PREFIX + "era";
			throw new InvalidConfigurationPropertyValueException(eraProperty, era,
					"The pinned protocol version " + versions + " belongs to another era.");
		}
		McpClientSettings.Limits limits = new McpClientSettings.Limits(
				bytes("max-response-size", this.properties.getMaxResponseSize()),
				bytes("max-event-size", this.properties.getMaxEventSize()));
		return McpClientSettings.builder(name, url)
			.headers(connection.getHeaders())
			.listen(listen(connection))
			.clientInfo(clientInfo())
			.timeouts(new McpClientSettings.Timeouts(requestTimeout, initializeTimeout))
			.limits(limits)
			.protocol(new McpClientSettings.Protocol(versions, era))
			.retry(retry(property, connection.getRetry()))
			.bulkhead(bulkhead(property, connection.getBulkhead()))
			.userSessions(userSessions(name, connection.getAuthorization()))
			.build();
	}

	private McpClientSettings.Retry retry(String property, McpClientProperties.Retry connection) {
		McpClientProperties.Retry global = this.properties.getRetry();
		McpClientSettings.Retry defaults = McpClientSettings.Retry.DEFAULTS;
		boolean enabled = first(connection.getEnabled(), global.getEnabled(), defaults.enabled());
		boolean toolCalls = first(connection.getToolCalls(), global.getToolCalls(), defaults.toolCalls());
		Duration firstBackoff = positive(property + "retry.first-backoff", connection.getFirstBackoff(),
				PREFIX + "retry.first-backoff", first(global.getFirstBackoff(), null, defaults.firstBackoff()));
		Duration maxBackoff = positive(property + "retry.max-backoff", connection.getMaxBackoff(),
				PREFIX + "retry.max-backoff", first(global.getMaxBackoff(), null, defaults.maxBackoff()));
		if (maxBackoff.compareTo(firstBackoff) < 0) {
			String maxProperty = (connection.getMaxBackoff() != null) ? property + "retry.max-backoff"
					: PREFIX + "retry.max-backoff";
			throw new InvalidConfigurationPropertyValueException(maxProperty, maxBackoff,
					"The longest wait must be no shorter than the first (" + firstBackoff + ").");
		}
		return new McpClientSettings.Retry(enabled, firstBackoff, maxBackoff, toolCalls);
	}

	private McpClientSettings.Bulkhead bulkhead(String property, McpClientProperties.Bulkhead connection) {
		McpClientProperties.Bulkhead global = this.properties.getBulkhead();
		return new McpClientSettings.Bulkhead(
				notNegative(property, "bulkhead.max-in-flight", connection.getMaxInFlight(), global.getMaxInFlight()),
				notNegative(property, "bulkhead.max-queued", connection.getMaxQueued(), global.getMaxQueued()));
	}

	private static int notNegative(String property, String name, @Nullable Integer connection,
			@Nullable Integer global) {
		int value = first(connection, global, 0);
		if (value < 0) {
			String source = (connection != null) ? property + name : PREFIX + name;
			throw new InvalidConfigurationPropertyValueException(source, value, "The value must not be negative.");
		}
		return value;
	}

	private static <T> T first(@Nullable T connection, @Nullable T global, T fallback) {
		return (connection != null) ? connection : (global != null) ? global : fallback;
	}

	private boolean listen(McpClientProperties.Connection connection) {
		if (connection.getListen() != null) {
			return connection.getListen();
		}
		return (this.properties.getListen() != null) ? this.properties.getListen() : this.listenByDefault;
	}

	private Implementation clientInfo() {
		Implementation defaults = McpClientSettings.defaultClientInfo();
		McpClientProperties.ClientInfo configured = this.properties.getClientInfo();
		String name = StringUtils.hasText(configured.getName()) ? configured.getName()
				: StringUtils.hasText(this.applicationName) ? this.applicationName : defaults.name();
		String version = StringUtils.hasText(configured.getVersion()) ? configured.getVersion() : defaults.version();
		return new Implementation(name, version);
	}

	private static URI url(String property, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"An MCP connection needs the URL of the server's MCP endpoint.");
		}
		try {
			URI url = new URI(value.trim());
			String scheme = url.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					|| url.getHost() == null) {
				throw new InvalidConfigurationPropertyValueException(property, value,
						"Use an absolute http or https URL such as 'https://example.com/mcp'.");
			}
			return url;
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"Not a valid URL: " + ex.getReason() + ".");
		}
	}

	private static Duration positive(String property, @Nullable Duration value, String defaultProperty,
			Duration defaultValue) {
		Duration effective = (value != null) ? value : defaultValue;
		if (effective.isZero() || effective.isNegative()) {
			throw new InvalidConfigurationPropertyValueException((value != null) ? property : defaultProperty,
					effective, "The duration must be positive.");
		}
		return effective;
	}

	private static List<String> pinned(String property, String version) {
		if (!ProtocolVersion.isSupported(version)) {
			throw new InvalidConfigurationPropertyValueException(property, version,
					"Supported protocol versions are " + ProtocolVersion.SUPPORTED + ".");
		}
		return List.of(version);
	}

	private static int bytes(String name, DataSize size) {
		long bytes = size.toBytes();
		if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + name, size,
					"The size must be positive and below 2GB.");
		}
		return (int) bytes;
	}

	// The bounds of the sessions kept per user, checked here too: connections are mapped
	// before their authorizations.
	private static McpClientSettings.UserSessions userSessions(String name,
			McpClientProperties.Authorization authorization) {
		String property = PREFIX + "connections." + name + ".authorization.";
		if (authorization.getMaxSessions() <= 0) {
			throw new InvalidConfigurationPropertyValueException(property + "max-sessions",
					authorization.getMaxSessions(), "The value must be positive.");
		}
		java.time.Duration idle = authorization.getSessionIdleTimeout();
		if (idle.isZero() || idle.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(property + "session-idle-timeout", idle,
					"The duration must be positive.");
		}
		return new McpClientSettings.UserSessions(authorization.getMaxSessions(), idle);
	}

}
