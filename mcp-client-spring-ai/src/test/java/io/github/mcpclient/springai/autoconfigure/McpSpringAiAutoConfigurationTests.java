package io.github.mcpclient.springai.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.mcpclient.McpClients;
import io.github.mcpclient.McpNotificationListener;
import io.github.mcpclient.autoconfigure.McpClientAutoConfiguration;
import io.github.mcpclient.springai.McpToolCallbackProvider;
import io.github.mcpclient.springai.McpToolFilter;
import io.github.mcpclient.springai.McpToolListChanges;
import io.github.mcpclient.springai.McpToolNaming;
import io.github.mcpclient.springai.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.mcpclient.springai.StubServer.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the tool bridge appears, what shapes it, and when it backs off.
 */
@ExtendWith(OutputCaptureExtension.class)
class McpSpringAiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, McpSpringAiAutoConfiguration.class))
		// Nothing listens on the discard port: starting must not need the server
		.withPropertyValues("mcp.client.connections.weather.url=http://127.0.0.1:9/mcp");

	// Three connections whose tool lists the tests set, instead of configured ones
	private final ApplicationContextRunner stubbed = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class, McpSpringAiAutoConfiguration.class))
		.withUserConfiguration(StubClients.class);

	@Test
	void offersTheToolsOfTheConfiguredConnectionsWithoutTalkingToThemAtStartup() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(McpToolCallbackProvider.class);
			assertThat(context.getBean(McpClients.class).names()).containsExactly("weather");
			assertThat(context.getBean(McpClients.class).get("weather").statistics().requests()).isZero();
		});
	}

	@Test
	void springAisToolResolverDoesNotMakeTheProviderListToolsAtStartup() {
		this.stubbed.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ToolCallbackResolver.class);
			StubClients stubs = context.getBean(StubClients.class);
			assertThat(stubs.files.listings()).isZero();
			assertThat(context.getBean(ToolCallbackResolver.class).resolve("files_read_file")).isNull();

			assertThat(names(context.getBean(McpToolCallbackProvider.class))).contains("files_read_file");
			assertThat(stubs.files.listings()).isOne();
		});
	}

	@Test
	void theClientsHearOfToolListChangesThroughTheBridgesListener() {
		this.runner.run((context) -> assertThat(context.getBeansOfType(McpNotificationListener.class).values())
			.containsExactly(context.getBean(McpToolListChanges.class)));
	}

	@Test
	void isAbsentWithoutSpringAi() {
		this.runner.withClassLoader(new FilteredClassLoader(ToolCallbackProvider.class)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(McpClients.class);
			assertThat(context).doesNotHaveBean(McpToolCallbackProvider.class)
				.doesNotHaveBean(McpToolListChanges.class);
		});
	}

	@Test
	void isAbsentWithoutThisModule() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class))
			.withPropertyValues("mcp.client.connections.weather.url=http://127.0.0.1:9/mcp")
			.run((context) -> assertThat(context).hasSingleBean(McpClients.class)
				.doesNotHaveBean(ToolCallbackProvider.class)
				.doesNotHaveBean(McpToolListChanges.class));
	}

	@Test
	void isAbsentWhenTurnedOff() {
		this.runner.withPropertyValues("mcp.client.spring-ai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpToolCallbackProvider.class)
				.doesNotHaveBean(McpToolListChanges.class));
	}

	@Test
	void isAbsentWithoutMcpClients() {
		this.runner.withPropertyValues("mcp.client.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(McpToolCallbackProvider.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.runner.withUserConfiguration(OwnProvider.class).run((context) -> {
			assertThat(context).hasSingleBean(McpToolCallbackProvider.class);
			assertThat(context.getBean(McpToolCallbackProvider.class)).isSameAs(context.getBean("ownProvider"));
		});
	}

	@Test
	void staysBesideTheApplicationsOtherToolCallbackProviders() {
		this.runner.withUserConfiguration(OtherTools.class).run((context) -> {
			assertThat(context).hasSingleBean(McpToolCallbackProvider.class);
			assertThat(context.getBeansOfType(ToolCallbackProvider.class)).hasSize(2);
		});
	}

	@Test
	void propertiesChooseToolsPerConnection() {
		this.stubbed
			.withPropertyValues("mcp.client.spring-ai.connections.files.include=read_*,list_dir",
					"mcp.client.spring-ai.connections.files.exclude=read_secrets",
					"mcp.client.spring-ai.connections.web.exclude=*")
			.run((context) -> assertThat(names(context.getBean(McpToolCallbackProvider.class)))
				.containsExactly("files_read_file", "files_list_dir", "search_search"));
	}

	@Test
	void filterBeansApplyBesideTheProperties() {
		this.stubbed.withUserConfiguration(NoDeleting.class)
			.withPropertyValues("mcp.client.spring-ai.connections.files.exclude=read_secrets")
			.run((context) -> assertThat(names(context.getBean(McpToolCallbackProvider.class)))
				.containsExactly("files_read_file", "files_list_dir", "web_search", "search_search"));
	}

	@Test
	void namesCanLeaveOutTheConnection() {
		this.stubbed.withPropertyValues("mcp.client.spring-ai.prefix-tool-names=false").run((context) -> {
			List<String> names = names(context.getBean(McpToolCallbackProvider.class));
			assertThat(names).startsWith("read_file", "read_secrets", "delete_file", "list_dir", "search");
			assertThat(names.get(5)).matches("search_[0-9a-f]{8}");
		});
	}

	@Test
	void aNamingBeanReplacesTheDefault() {
		this.stubbed.withUserConfiguration(ShoutingNames.class)
			.run((context) -> assertThat(names(context.getBean(McpToolCallbackProvider.class)))
				.contains("FILES__READ_FILE", "WEB__SEARCH"));
	}

	@Test
	void filtersForConnectionsThatDoNotExistAreReported(CapturedOutput output) {
		this.runner.withPropertyValues("mcp.client.spring-ai.connections.wether.exclude=*")
			.run((context) -> assertThat(output).contains("mcp.client.spring-ai.connections names [wether]"));
	}

	private static List<String> names(ToolCallbackProvider provider) {
		return Arrays.stream(provider.getToolCallbacks())
			.map((callback) -> callback.getToolDefinition().name())
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnProvider {

		@Bean
		McpToolCallbackProvider ownProvider(McpClients clients) {
			return McpToolCallbackProvider.builder(clients).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherTools {

		@Bean
		ToolCallbackProvider clockTools() {
			ToolCallback now = FunctionToolCallback.builder("now", () -> "12:00").description("The time").build();
			return ToolCallbackProvider.from(now);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StubClients {

		final StubServer files = new StubServer("files");

		@Bean
		McpClients mcpClients() {
			this.files.pages(page(null, null, "read_file", "read_secrets", "delete_file", "list_dir"));
			StubServer web = new StubServer("web");
			web.pages(page(null, null, "search"));
			StubServer search = new StubServer("search");
			search.pages(page(null, null, "search"));
			return new McpClients(List.of(this.files.client(), web.client(), search.client()), Duration.ofSeconds(1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoDeleting {

		@Bean
		McpToolFilter noDeleting() {
			return (connection, tool) -> !tool.name().startsWith("delete");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ShoutingNames {

		@Bean
		McpToolNaming shoutingNames() {
			return (connection, tool) -> (connection + "__" + tool.name()).toUpperCase(java.util.Locale.ROOT);
		}

	}

}
