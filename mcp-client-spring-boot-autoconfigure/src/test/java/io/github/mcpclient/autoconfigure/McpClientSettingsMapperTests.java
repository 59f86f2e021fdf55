package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.ProtocolVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link McpClientSettingsMapper}: defaults, per-connection overrides and
 * validation, each failure naming the property to fix.
 */
class McpClientSettingsMapperTests {

	private static final String URL = "https://weather.example.com/mcp";

	@Test
	void defaultsApplyToAConnectionThatSetsOnlyItsUrl() {
		McpClientSettings settings = single("mcp.client.connections.weather.url=" + URL);

		assertThat(settings.connectionName()).isEqualTo("weather");
		assertThat(settings.url()).isEqualTo(URI.create(URL));
		assertThat(settings.headers()).isEmpty();
		assertThat(settings.clientInfo()).isEqualTo(McpClientSettings.defaultClientInfo());
		assertThat(settings.listen()).isFalse();
		assertThat(settings.timeouts())
			.isEqualTo(new McpClientSettings.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)));
		assertThat(settings.limits()).isEqualTo(new McpClientSettings.Limits(4 * 1024 * 1024, 4 * 1024 * 1024));
		assertThat(settings.protocol()).isEqualTo(new McpClientSettings.Protocol(ProtocolVersion.SUPPORTED, null));
	}

	@Test
	void globalValuesApplyToEveryConnection() {
		List<McpClientSettings> settings = map(null, false, "mcp.client.connections.weather.url=" + URL,
				"mcp.client.connections.files.url=" + URL, "mcp.client.request-timeout=10s",
				"mcp.client.initialize-timeout=20s", "mcp.client.protocol-version=2025-06-18", "mcp.client.era=legacy",
				"mcp.client.listen=true", "mcp.client.max-response-size=1MB", "mcp.client.max-event-size=64KB",
				"mcp.client.client-info.name=orders", "mcp.client.client-info.version=9.9");

		assertThat(settings).hasSize(2).allSatisfy((connection) -> {
			assertThat(connection.timeouts())
				.isEqualTo(new McpClientSettings.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20)));
			assertThat(connection.protocol())
				.isEqualTo(new McpClientSettings.Protocol(List.of("2025-06-18"), Era.LEGACY));
			assertThat(connection.listen()).isTrue();
			assertThat(connection.limits()).isEqualTo(new McpClientSettings.Limits(1024 * 1024, 64 * 1024));
			assertThat(connection.clientInfo()).isEqualTo(new Implementation("orders", "9.9"));
		});
	}

	@Test
	void connectionValuesOverrideTheGlobalOnes() {
		McpClientSettings settings = single("mcp.client.connections.weather.url=" + URL,
				"mcp.client.request-timeout=10s", "mcp.client.connections.weather.request-timeout=1m",
				"mcp.client.initialize-timeout=20s", "mcp.client.connections.weather.initialize-timeout=2m",
				"mcp.client.protocol-version=2025-06-18", "mcp.client.connections.weather.protocol-version=2026-07-28",
				"mcp.client.era=legacy", "mcp.client.connections.weather.era=modern", "mcp.client.listen=true",
				"mcp.client.connections.weather.listen=false");

		assertThat(settings.timeouts())
			.isEqualTo(new McpClientSettings.Timeouts(Duration.ofMinutes(1), Duration.ofMinutes(2)));
		assertThat(settings.protocol()).isEqualTo(new McpClientSettings.Protocol(List.of("2026-07-28"), Era.MODERN));
		assertThat(settings.listen()).isFalse();
	}

	@Test
	void headersAreSentAsConfigured() {
		McpClientSettings settings = single("mcp.client.connections.weather.url=" + URL,
				"mcp.client.connections.weather.headers[Authorization]=Bearer s3cret",
				"mcp.client.connections.weather.headers[X-Tenant]=acme");

		assertThat(settings.headers()).containsOnly(Map.entry("Authorization", "Bearer s3cret"),
				Map.entry("X-Tenant", "acme"));
	}

	@Test
	void aUrlIsTrimmed() {
		assertThat(single("mcp.client.connections.weather.url= " + URL + " ").url()).isEqualTo(URI.create(URL));
	}

	@Test
	void listenDefaultsToWhetherTheApplicationHandlesServerMessages() {
		assertThat(map(null, true, "mcp.client.connections.weather.url=" + URL)).singleElement()
			.satisfies((settings) -> assertThat(settings.listen()).isTrue());
		assertThat(map(null, true, "mcp.client.connections.weather.url=" + URL, "mcp.client.listen=false"))
			.singleElement()
			.satisfies((settings) -> assertThat(settings.listen()).isFalse());
	}

	@Test
	void clientNameIsTheApplicationNameUnlessConfigured() {
		assertThat(map("orders", false, "mcp.client.connections.weather.url=" + URL)).singleElement()
			.satisfies((settings) -> assertThat(settings.clientInfo())
				.isEqualTo(new Implementation("orders", McpClientSettings.defaultClientInfo().version())));
		assertThat(map("orders", false, "mcp.client.connections.weather.url=" + URL,
				"mcp.client.client-info.name=orders-mcp"))
			.singleElement()
			.satisfies((settings) -> assertThat(settings.clientInfo().name()).isEqualTo("orders-mcp"));
		assertThat(map(" ", false, "mcp.client.connections.weather.url=" + URL)).singleElement()
			.satisfies(
					(settings) -> assertThat(settings.clientInfo()).isEqualTo(McpClientSettings.defaultClientInfo()));
	}

	@Test
	void eraAloneAcceptsEveryVersionOfThatEra() {
		assertThat(single("mcp.client.connections.weather.url=" + URL, "mcp.client.era=modern").protocol())
			.isEqualTo(new McpClientSettings.Protocol(ProtocolVersion.SUPPORTED, Era.MODERN));
	}

	@Test
	void disabledConnectionsAreLeftOutAndTheRestKeepTheirOrder() {
		List<McpClientSettings> settings = map(null, false, "mcp.client.connections.zeta.url=" + URL,
				"mcp.client.connections.off.url=" + URL, "mcp.client.connections.off.enabled=false",
				"mcp.client.connections.alpha.url=" + URL);

		assertThat(settings).extracting(McpClientSettings::connectionName).containsExactly("zeta", "alpha");
	}

	@Test
	void aDisabledConnectionIsNotValidated() {
		assertThat(map(null, false, "mcp.client.connections.off.enabled=false")).isEmpty();
	}

	@Test
	void missingUrlFailsNamingTheProperty() {
		assertInvalid("mcp.client.connections.weather.url", "mcp.client.connections.weather.headers[X]=1");
		assertInvalid("mcp.client.connections.weather.url", "mcp.client.connections.weather.url= ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not a url", "ftp://example.com/mcp", "/relative/mcp", "http:///mcp", "mailto:a@b.c" })
	void malformedUrlFailsNamingTheProperty(String url) {
		assertInvalid("mcp.client.connections.weather.url", "mcp.client.connections.weather.url=" + url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "request-timeout", "initialize-timeout" })
	void nonPositiveTimeoutFailsNamingTheProperty(String timeout) {
		for (String value : List.of("0s", "-1s")) {
			assertInvalid("mcp.client.connections.weather." + timeout, "mcp.client.connections.weather.url=" + URL,
					"mcp.client.connections.weather." + timeout + "=" + value);
			assertInvalid("mcp.client." + timeout, "mcp.client.connections.weather.url=" + URL,
					"mcp.client." + timeout + "=" + value);
		}
	}

	@Test
	void unknownProtocolVersionFailsNamingTheProperty() {
		assertInvalid("mcp.client.connections.weather.protocol-version", "mcp.client.connections.weather.url=" + URL,
				"mcp.client.connections.weather.protocol-version=2023-01-01");
		assertInvalid("mcp.client.protocol-version", "mcp.client.connections.weather.url=" + URL,
				"mcp.client.protocol-version=1.0");
	}

	@Test
	void eraThatContradictsThePinnedVersionFailsNamingTheEraProperty() {
		assertInvalid("mcp.client.era", "mcp.client.connections.weather.url=" + URL, "mcp.client.era=legacy",
				"mcp.client.connections.weather.protocol-version=2026-07-28");
		assertInvalid("mcp.client.connections.weather.era", "mcp.client.connections.weather.url=" + URL,
				"mcp.client.connections.weather.era=modern", "mcp.client.protocol-version=2025-11-25");
	}

	@ParameterizedTest
	@ValueSource(strings = { "max-response-size", "max-event-size" })
	void sizeThatIsNotPositiveOrTooLargeFailsNamingTheProperty(String size) {
		for (String value : List.of("0B", "-1B", "2GB")) {
			assertInvalid("mcp.client." + size, "mcp.client.connections.weather.url=" + URL,
					"mcp.client." + size + "=" + value);
		}
	}

	@Test
	void retryAndBulkheadDefaultToRetriesOnAndNoBound() {
		McpClientSettings settings = single("mcp.client.connections.weather.url=" + URL);

		assertThat(settings.retry()).isEqualTo(McpClientSettings.Retry.DEFAULTS);
		assertThat(settings.bulkhead()).isEqualTo(McpClientSettings.Bulkhead.NONE);
	}

	@Test
	void retryAndBulkheadTakeGlobalValuesAndConnectionOverrides() {
		List<McpClientSettings> settings = map(null, false, "mcp.client.connections.weather.url=" + URL,
				"mcp.client.connections.files.url=" + URL, "mcp.client.retry.first-backoff=50ms",
				"mcp.client.retry.max-backoff=5s", "mcp.client.retry.tool-calls=true",
				"mcp.client.bulkhead.max-in-flight=8", "mcp.client.bulkhead.max-queued=16",
				"mcp.client.connections.files.retry.enabled=false",
				"mcp.client.connections.files.retry.tool-calls=false",
				"mcp.client.connections.files.bulkhead.max-in-flight=2");

		assertThat(settings.get(0).retry())
			.isEqualTo(new McpClientSettings.Retry(true, Duration.ofMillis(50), Duration.ofSeconds(5), true));
		assertThat(settings.get(0).bulkhead()).isEqualTo(new McpClientSettings.Bulkhead(8, 16));
		assertThat(settings.get(1).retry())
			.isEqualTo(new McpClientSettings.Retry(false, Duration.ofMillis(50), Duration.ofSeconds(5), false));
		assertThat(settings.get(1).bulkhead()).isEqualTo(new McpClientSettings.Bulkhead(2, 16));
	}

	@Test
	void invalidRetryAndBulkheadValuesFailNamingTheProperty() {
		assertInvalid("mcp.client.retry.first-backoff", "mcp.client.connections.weather.url=" + URL,
				"mcp.client.retry.first-backoff=0s");
		assertInvalid("mcp.client.connections.weather.retry.max-backoff", "mcp.client.connections.weather.url=" + URL,
				"mcp.client.connections.weather.retry.max-backoff=-1s");
		assertInvalid("mcp.client.retry.max-backoff", "mcp.client.connections.weather.url=" + URL,
				"mcp.client.retry.first-backoff=3s", "mcp.client.retry.max-backoff=1s");
		assertInvalid("mcp.client.bulkhead.max-in-flight", "mcp.client.connections.weather.url=" + URL,
				"mcp.client.bulkhead.max-in-flight=-1");
		assertInvalid("mcp.client.connections.weather.bulkhead.max-queued", "mcp.client.connections.weather.url=" + URL,
				"mcp.client.connections.weather.bulkhead.max-queued=-2");
	}

	private static void assertInvalid(String property, String... properties) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> map(null, false, properties))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo(property))
			.withMessageContaining(property);
	}

	private static McpClientSettings single(String... properties) {
		List<McpClientSettings> settings = map(null, false, properties);
		assertThat(settings).hasSize(1);
		return settings.get(0);
	}

	private static List<McpClientSettings> map(@Nullable String applicationName, boolean listenByDefault,
			String... properties) {
		Map<String, String> source = new LinkedHashMap<>();
		for (String property : properties) {
			int equals = property.indexOf('=');
			source.put(property.substring(0, equals), property.substring(equals + 1));
		}
		McpClientProperties bound = new Binder(new MapConfigurationPropertySource(source)).bindOrCreate("mcp.client",
				McpClientProperties.class);
		return new McpClientSettingsMapper(bound, applicationName, listenByDefault).map();
	}

}
