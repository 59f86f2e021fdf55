package io.github.mcpclient.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link McpConnectionBeanRegistrar}: one {@link McpClient} bean per
 * connection.
 */
class McpConnectionBeanRegistrarTests {

	private static final String URL = "http://127.0.0.1:9/mcp";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, WebClientAutoConfiguration.class));

	@Test
	void eachEnabledConnectionIsABeanNamedAndQualifiedByItsName() {
		this.runner
			.withPropertyValues("mcp.client.connections.weather.url=" + URL, "mcp.client.connections.files.url=" + URL,
					"mcp.client.connections.off.url=" + URL, "mcp.client.connections.off.enabled=false")
			.withUserConfiguration(InjectsFiles.class)
			.run((context) -> {
				McpClients clients = context.getBean(McpClients.class);
				assertThat(context.getBeansOfType(McpClient.class)).containsOnlyKeys("weather", "files");
				assertThat(context.getBean("weather")).isSameAs(clients.get("weather"));
				assertThat(context.getBean(InjectsFiles.class).files).isSameAs(clients.get("files"));
			});
	}

	@Test
	void applicationsOwnClientUnderAConnectionsNameWins() {
		McpClient mine = client("weather");
		this.runner.withPropertyValues("mcp.client.connections.weather.url=" + URL)
			.withBean("weather", McpClient.class, () -> mine)
			.run((context) -> assertThat(context).getBean("weather").isSameAs(mine));
	}

	@Test
	void connectionNamedLikeABeanOfAnotherTypeFailsNamingTheClash() {
		this.runner.withPropertyValues("mcp.client.connections.orders.url=" + URL)
			.withBean("orders", OrdersApplication.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("'orders'")
				.hasMessageContaining("mcp.client.connections.orders")
				.hasMessageContaining(OrdersApplication.class.getName()));
	}

	@Test
	void connectionNamedLikeASingletonOfTheContextFailsNamingTheClash() {
		this.runner.withPropertyValues("mcp.client.connections.environment.url=" + URL)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("'environment'")
				.hasMessageContaining("mcp.client.connections.environment"));
	}

	@Test
	void applicationsOwnClientsBackThePerConnectionBeans() {
		McpClient weather = client("weather");
		this.runner.withPropertyValues("mcp.client.connections.weather.url=" + URL)
			.withBean(McpClients.class, () -> new McpClients(List.of(weather), Duration.ofSeconds(1)))
			.run((context) -> {
				assertThat(context).getBean("weather").isSameAs(weather);
				assertThat(context).getBean(McpClient.class).isSameAs(weather);
			});
	}

	@Test
	void applicationsOwnClientsWithoutAConfiguredConnectionFailNamingIt() {
		this.runner
			.withPropertyValues("mcp.client.connections.weather.url=" + URL, "mcp.client.connections.files.url=" + URL)
			.withBean(McpClients.class, () -> new McpClients(List.of(client("weather")), Duration.ofSeconds(1)))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'files'")
				.hasMessageContaining("[weather]")
				.hasMessageContaining("mcp.client.connections.files.enabled=false"));
	}

	@Test
	void connectionThatAppearsOnlyOnceBeansAreCreatedFailsInsteadOfLackingItsBean() {
		this.runner.withPropertyValues("mcp.client.connections.weather.url=" + URL)
			.withUserConfiguration(LateConnection.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'late'")
				.hasMessageContaining("no McpClient bean"));
	}

	static McpClient client(String name) {
		McpClient client = mock(McpClient.class);
		given(client.name()).willReturn(name);
		return client;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class OrdersApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class InjectsFiles {

		final McpClient files;

		InjectsFiles(@Qualifier("files") McpClient files) {
			this.files = files;
		}

	}

	/**
	 * Adds a connection to the environment while beans are created, after the bean
	 * definitions were registered, as a bean that publishes a port could.
	 */
	@Configuration(proxyBeanMethods = false)
	static class LateConnection {

		@Bean
		String lateConnection(ConfigurableEnvironment environment) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("late", Map.of("mcp.client.connections.late.url", URL)));
			return "late";
		}

		@Bean
		static AbstractDependsOnBeanFactoryPostProcessor propertiesDependOnLateConnection() {
			return new AbstractDependsOnBeanFactoryPostProcessor(McpClientProperties.class, String.class) {
			};
		}

	}

}
