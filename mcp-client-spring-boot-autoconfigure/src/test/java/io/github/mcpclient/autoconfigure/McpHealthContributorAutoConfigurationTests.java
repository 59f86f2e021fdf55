package io.github.mcpclient.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.actuate.McpConnectionHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class McpHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				McpHealthContributorAutoConfiguration.class))
		.withPropertyValues("mcp.client.connections.weather.url=" + server.baseUrl() + "/mcp",
				"mcp.client.connections.files.url=" + server.baseUrl() + "/mcp");

	@Test
	void contributesOneIndicatorPerConnectionInConfigurationOrder() {
		this.runner.run((context) -> {
			CompositeHealthContributor mcp = context.getBean("mcpHealthContributor", CompositeHealthContributor.class);
			assertThat(mcp.stream().map(HealthContributors.Entry::name)).containsExactly("weather", "files");
			assertThat(mcp.getContributor("weather")).isInstanceOf(McpConnectionHealthIndicator.class);
		});
	}

	@Test
	void byDefaultReadsTheSessionWithoutNetworkIo() {
		this.runner.run((context) -> {
			assertThat(health(context.getBean("mcpHealthContributor", CompositeHealthContributor.class), "weather")
				.getStatus()).isEqualTo(Status.UNKNOWN);
			server.verify(0, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void pingPropertyMakesEachCheckPingTheServer() {
		stubServer();
		this.runner.withPropertyValues("management.health.mcp.ping=true").run((context) -> {
			Health health = health(context.getBean("mcpHealthContributor", CompositeHealthContributor.class),
					"weather");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			server.verify(1, postRequestedFor(urlEqualTo("/mcp"))
				.withRequestBody(matchingJsonPath("$.method", equalTo("ping"))));
		});
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("management.health.mcp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("mcpHealthContributor"));
	}

	@Test
	void followsTheDefaultsSwitch() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("mcpHealthContributor"));
	}

	@Test
	void isNotCreatedWithoutClients() {
		this.runner.withPropertyValues("mcp.client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpClients.class)
				.doesNotHaveBean("mcpHealthContributor"));
	}

	@Test
	void clientsWorkWithoutHealthOnTheClasspath() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAsByAnApplication.class)
			.withPropertyValues("mcp.client.connections.weather.url=" + server.baseUrl() + "/mcp")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(McpClients.class)
				.doesNotHaveBean("mcpHealthContributor")
				.doesNotHaveBean(McpHealthIndicatorProperties.class));
	}

	@Test
	void userDefinedIndicatorWins() {
		HealthIndicator mine = () -> Health.up().build();
		this.runner.withBean("mcpHealthIndicator", HealthIndicator.class, () -> mine)
			.run((context) -> assertThat(context).doesNotHaveBean("mcpHealthContributor")
				.getBean("mcpHealthIndicator")
				.isSameAs(mine));
	}

	// Through Boot's import filter, as an application would: it drops an
	// auto-configuration whose classes are missing before its annotations are read.
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ McpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			McpHealthContributorAutoConfiguration.class })
	static class ImportedAsByAnApplication {

	}

	private static Health health(CompositeHealthContributor composite, String name) {
		HealthContributor contributor = composite.getContributor(name);
		assertThat(contributor).isInstanceOf(HealthIndicator.class);
		return ((HealthIndicator) contributor).health();
	}

	private static void stubServer() {
		McpWireMock.stubPingableServer(server, null);
	}

}
