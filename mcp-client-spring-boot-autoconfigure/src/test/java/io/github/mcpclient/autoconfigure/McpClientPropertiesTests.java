package io.github.mcpclient.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpclient.protocol.Era;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for binding {@link McpClientProperties} as Spring Boot binds it, from the
 * property names the README documents.
 */
class McpClientPropertiesTests {

	@Test
	void defaults() {
		McpClientProperties properties = bind(Map.of());

		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getClientInfo().getName()).isNull();
		assertThat(properties.getClientInfo().getVersion()).isNull();
		assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.getInitializeTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.getProtocolVersion()).isNull();
		assertThat(properties.getEra()).isNull();
		assertThat(properties.getListen()).isNull();
		assertThat(properties.isInitializeOnStartup()).isFalse();
		assertThat(properties.isFailFast()).isFalse();
		assertThat(properties.getCloseTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.getMaxResponseSize()).isEqualTo(DataSize.ofMegabytes(4));
		assertThat(properties.getMaxEventSize()).isEqualTo(DataSize.ofMegabytes(4));
		assertThat(properties.getConnections()).isEmpty();
	}

	@Test
	void bindsEveryGlobalProperty() {
		Map<String, String> source = new LinkedHashMap<>();
		source.put("mcp.client.enabled", "false");
		source.put("mcp.client.client-info.name", "orders");
		source.put("mcp.client.client-info.version", "9.9");
		source.put("mcp.client.request-timeout", "10s");
		source.put("mcp.client.initialize-timeout", "2m");
		source.put("mcp.client.protocol-version", "2025-06-18");
		source.put("mcp.client.era", "legacy");
		source.put("mcp.client.listen", "true");
		source.put("mcp.client.initialize-on-startup", "true");
		source.put("mcp.client.fail-fast", "true");
		source.put("mcp.client.close-timeout", "500ms");
		source.put("mcp.client.max-response-size", "1MB");
		source.put("mcp.client.max-event-size", "64KB");

		McpClientProperties properties = bind(source);

		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getClientInfo().getName()).isEqualTo("orders");
		assertThat(properties.getClientInfo().getVersion()).isEqualTo("9.9");
		assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.getInitializeTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.getProtocolVersion()).isEqualTo("2025-06-18");
		assertThat(properties.getEra()).isEqualTo(Era.LEGACY);
		assertThat(properties.getListen()).isTrue();
		assertThat(properties.isInitializeOnStartup()).isTrue();
		assertThat(properties.isFailFast()).isTrue();
		assertThat(properties.getCloseTimeout()).isEqualTo(Duration.ofMillis(500));
		assertThat(properties.getMaxResponseSize()).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(properties.getMaxEventSize()).isEqualTo(DataSize.ofKilobytes(64));
	}

	@Test
	void bindsEveryConnectionProperty() {
		Map<String, String> source = new LinkedHashMap<>();
		source.put("mcp.client.connections.weather.url", "https://weather.example.com/mcp");
		source.put("mcp.client.connections.weather.enabled", "false");
		source.put("mcp.client.connections.weather.listen", "false");
		source.put("mcp.client.connections.weather.headers[Authorization]", "Bearer s3cret");
		source.put("mcp.client.connections.weather.request-timeout", "1m");
		source.put("mcp.client.connections.weather.initialize-timeout", "90s");
		source.put("mcp.client.connections.weather.protocol-version", "2026-07-28");
		source.put("mcp.client.connections.weather.era", "MODERN");

		McpClientProperties.Connection weather = bind(source).getConnections().get("weather");

		assertThat(weather.getUrl()).isEqualTo("https://weather.example.com/mcp");
		assertThat(weather.isEnabled()).isFalse();
		assertThat(weather.getListen()).isFalse();
		assertThat(weather.getHeaders()).containsExactly(Map.entry("Authorization", "Bearer s3cret"));
		assertThat(weather.getRequestTimeout()).isEqualTo(Duration.ofMinutes(1));
		assertThat(weather.getInitializeTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(weather.getProtocolVersion()).isEqualTo("2026-07-28");
		assertThat(weather.getEra()).isEqualTo(Era.MODERN);
	}

	@Test
	void connectionDefaultsLeaveTheGlobalValuesInCharge() {
		McpClientProperties.Connection weather = bind(
				Map.of("mcp.client.connections.weather.url", "https://weather.example.com/mcp"))
			.getConnections()
			.get("weather");

		assertThat(weather.isEnabled()).isTrue();
		assertThat(weather.getListen()).isNull();
		assertThat(weather.getHeaders()).isEmpty();
		assertThat(weather.getRequestTimeout()).isNull();
		assertThat(weather.getInitializeTimeout()).isNull();
		assertThat(weather.getProtocolVersion()).isNull();
		assertThat(weather.getEra()).isNull();
	}

	@Test
	void connectionsAndHeadersKeepTheirConfigurationOrder() {
		Map<String, String> source = new LinkedHashMap<>();
		for (String name : new String[] { "zeta", "alpha", "mid" }) {
			source.put("mcp.client.connections." + name + ".url", "https://" + name + ".example.com/mcp");
		}
		source.put("mcp.client.connections.zeta.headers[X-B]", "2");
		source.put("mcp.client.connections.zeta.headers[X-A]", "1");

		McpClientProperties properties = bind(source);

		assertThat(properties.getConnections()).containsOnlyKeys("zeta", "alpha", "mid");
		assertThat(properties.getConnections().keySet()).containsExactly("zeta", "alpha", "mid");
		assertThat(properties.getConnections().get("zeta").getHeaders().keySet()).containsExactly("X-B", "X-A");
	}

	@Test
	void bindsAConnectionFromEnvironmentVariables() {
		Map<String, Object> variables = Map.of("MCP_CLIENT_CONNECTIONS_DEMO_URL", "http://localhost:3000/mcp",
				"MCP_CLIENT_CONNECTIONS_DEMO_REQUESTTIMEOUT", "2m");
		ConfigurationPropertySource source = ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables))
			.iterator()
			.next();

		McpClientProperties.Connection demo = new Binder(source).bindOrCreate("mcp.client", McpClientProperties.class)
			.getConnections()
			.get("demo");

		assertThat(demo.getUrl()).isEqualTo("http://localhost:3000/mcp");
		assertThat(demo.getRequestTimeout()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void unknownEraFailsNamingTheProperty() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of("mcp.client.era", "future")))
			.satisfies((ex) -> assertThat(ex.getProperty().getName()).hasToString("mcp.client.era"));
	}

	@Test
	void malformedDurationFailsNamingTheProperty() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("mcp.client.connections.weather.request-timeout", "soon")))
			.satisfies((ex) -> assertThat(ex.getProperty().getName())
				.hasToString("mcp.client.connections.weather.request-timeout"));
	}

	private static McpClientProperties bind(Map<String, String> source) {
		return new Binder(new MapConfigurationPropertySource(source)).bindOrCreate("mcp.client",
				McpClientProperties.class);
	}

}
