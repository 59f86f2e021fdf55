package io.github.mcpclient.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.actuate.McpEndpoint;
import io.github.mcpclient.actuate.McpEndpointWebExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class McpEndpointAutoConfigurationTests {

	private static final String SESSION_ID = "sess-0123456789";

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				McpEndpointAutoConfiguration.class))
		.withPropertyValues("mcp.client.connections.weather.url=" + server.baseUrl() + "/mcp");

	@Test
	void endpointIsNotCreatedUnlessExposed() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(McpClients.class)
			.doesNotHaveBean(McpEndpoint.class)
			.doesNotHaveBean(McpEndpointWebExtension.class));
	}

	@Test
	void endpointAndWebExtensionAreCreatedWhenExposedOnTheWeb() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=mcp")
			.run((context) -> assertThat(context).hasSingleBean(McpEndpoint.class)
				.hasSingleBean(McpEndpointWebExtension.class));
	}

	@Test
	void endpointExposedOnlyOverJmxHasNoWebExtension() {
		this.runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=mcp")
			.run((context) -> assertThat(context).hasSingleBean(McpEndpoint.class)
				.doesNotHaveBean(McpEndpointWebExtension.class));
	}

	@Test
	void endpointIsNotCreatedWhenAccessIsNone() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=mcp", "management.endpoint.mcp.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(McpEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWithoutClients() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=mcp", "mcp.client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpClients.class).doesNotHaveBean(McpEndpoint.class));
	}

	@Test
	void clientsWorkWithoutActuatorOnTheClasspath() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAsByAnApplication.class)
			.withPropertyValues("mcp.client.connections.weather.url=" + server.baseUrl() + "/mcp",
					"management.endpoints.web.exposure.include=mcp")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(McpClients.class)
				.hasSingleBean(McpClient.class)
				.doesNotHaveBean(McpEndpoint.class)
				.doesNotHaveBean(McpEndpointProperties.class));
	}

	@Test
	void showValuesAndRolesAreBound() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=mcp",
					"management.endpoint.mcp.show-values=when-authorized", "management.endpoint.mcp.roles=ADMIN,OPS")
			.run((context) -> {
				McpEndpointProperties properties = context.getBean(McpEndpointProperties.class);
				assertThat(properties.getShowValues()).isEqualTo(Show.WHEN_AUTHORIZED);
				assertThat(properties.getRoles()).containsExactly("ADMIN", "OPS");
			});
	}

	@Test
	void sessionIdIsMaskedByDefaultAndShownWithShowValuesAlways() {
		stubServer();
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=mcp").run((context) -> {
			context.getBean(McpClient.class).ping();
			assertThat(context.getBean(McpEndpoint.class).connection(SecurityContext.NONE, "weather").sessionId())
				.isEqualTo("sess****");
		});
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=mcp",
					"management.endpoint.mcp.show-values=always")
			.run((context) -> {
				context.getBean(McpClient.class).ping();
				assertThat(context.getBean(McpEndpoint.class).connection(SecurityContext.NONE, "weather").sessionId())
					.isEqualTo(SESSION_ID);
			});
	}

	@Test
	void userDefinedEndpointWins() {
		McpEndpoint mine = new McpEndpoint(new McpClients(List.of(), Duration.ofSeconds(1)), Show.ALWAYS, Set.of());
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=mcp")
			.withBean("myMcpEndpoint", McpEndpoint.class, () -> mine)
			.run((context) -> {
				assertThat(context).hasSingleBean(McpEndpoint.class);
				assertThat(context.getBean(McpEndpoint.class)).isSameAs(mine);
			});
	}

	// An application imports auto-configurations through Boot's import filter, which
	// drops one whose classes are missing before its annotations are read: that is what
	// keeps a missing Actuator from failing the context, so it is what this goes through.
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ McpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			McpEndpointAutoConfiguration.class })
	static class ImportedAsByAnApplication {

	}

	private static void stubServer() {
		McpWireMock.stubPingableServer(server, SESSION_ID);
	}

}
