package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.protocol.Era;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Tests for {@link McpConnectionBeanRegistrar} in an application processed ahead of time:
 * the per-connection beans are written out at build time and work at runtime without the
 * registrar.
 */
// The generated code calls package-private factory methods, so it is loaded into the
// package of the classes under test
@CompileWithForkedClassLoader
class McpConnectionBeanRegistrarAotTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

	// One application with its own McpClients, since each application processed here
	// costs
	// a compilation; the sample's McpClientSampleApplicationAotIT starts the
	// auto-configured McpClients processed ahead of time
	@Test
	void connectionBeansAreWrittenOutAndLeaveClosingToMcpClients() {
		McpWireMock.stubPingableServer(server, "sess-1234567");
		server.stubFor(delete(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(204)));
		String[] properties = { "mcp.client.connections.weather.url=" + server.baseUrl() + "/mcp",
				"mcp.client.connections.files.url=http://127.0.0.1:9/mcp" };
		runAheadOfTimeProcessed(properties, (context) -> {
			McpClients clients = context.getBean(McpClients.class);
			assertThat(context.getBeansOfType(McpClient.class)).containsOnlyKeys("weather", "files");
			assertThat(context.getBean("weather")).isSameAs(clients.get("weather"));
			assertThat(context.getBean(InjectsWeather.class).weather).isSameAs(clients.get("weather"));
			context.getBean("weather", McpClient.class).ping();
			McpClient files = context.getBean("files", McpClient.class);

			context.close();

			server.verify(1, deleteRequestedFor(urlEqualTo("/mcp")));
			// McpClients closes every connection at once, within its close timeout; a
			// connection's own bean does not close it first
			then(files.reactive()).should().close();
			then(files).should(never()).close();
		});
	}

	private static void runAheadOfTimeProcessed(String[] properties, Consumer<GenericApplicationContext> assertions) {
		GenericApplicationContext buildTime = buildTimeContext(properties);
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(buildTime,
				generationContext);
		generationContext.writeGeneratedContent();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			GenericApplicationContext runtime = new GenericApplicationContext();
			TestPropertyValues.of(properties).applyTo(runtime);
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
				.getInstance(ApplicationContextInitializer.class, initializerName.toString());
			initializer.initialize(runtime);
			runtime.refresh();
			try {
				assertions.accept(runtime);
			}
			finally {
				runtime.close();
			}
		});
	}

	private static GenericApplicationContext buildTimeContext(String[] properties) {
		GenericApplicationContext context = new GenericApplicationContext();
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		TestPropertyValues.of(properties).applyTo(context);
		context.registerBean(Application.class);
		return context;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(McpClientAutoConfiguration.class)
	static class Application {

		@Bean
		McpClients mcpClients(Environment environment) {
			McpClient weather = McpClientFactory.create()
				.create(McpClientSettings
					.builder("weather",
							URI.create(environment.getRequiredProperty("mcp.client.connections.weather.url")))
					.era(Era.LEGACY)
					.build());
			McpClient files = mock(McpClient.class);
			ReactiveMcpClient reactive = mock(ReactiveMcpClient.class);
			given(files.name()).willReturn("files");
			given(files.reactive()).willReturn(reactive);
			given(reactive.close()).willReturn(Mono.empty());
			return new McpClients(List.of(weather, files), Duration.ofSeconds(30));
		}

		@Bean
		InjectsWeather injectsWeather(@Qualifier("weather") McpClient weather) {
			return new InjectsWeather(weather);
		}

	}

	record InjectsWeather(McpClient weather) {

	}

}
