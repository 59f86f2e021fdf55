package io.github.mcpclient.autoconfigure.observation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.autoconfigure.McpClientAutoConfiguration;
import io.github.mcpclient.observation.DefaultMcpClientObservationConvention;
import io.github.mcpclient.observation.McpClientObservationContext;
import io.github.mcpclient.observation.McpClientObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's observations in an application with Boot's observation and metrics
 * machinery: the registry and convention beans are used, the timers have the conventions'
 * names and buckets, and Boot's HTTP client observation is the child of the MCP one.
 */
class McpClientObservationAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension server = McpWireMock.extension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
				McpClientAutoConfiguration.class, McpClientObservationAutoConfiguration.class))
		.withPropertyValues("mcp.client.connections.demo.url=" + McpWireMock.endpoint(server),
				"mcp.client.connections.demo.era=legacy");

	@Test
	void callIsTimedWithTheConventionsNameKeysAndBuckets() {
		stubHandshake(server, "session-1");
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[]}")));
		this.runner.run((context) -> {
			context.getBean(McpClient.class).callTool("add", Map.of("a", 1));

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			Timer timer = await().until(() -> meters.find("mcp.client.operation.duration")
				.tags("mcp.method.name", "tools/call", "gen_ai.tool.name", "add", "error.type", "none",
						"mcp.client.connection.name", "demo")
				.timer(), (found) -> found != null && found.count() == 1);
			assertThat(timer.takeSnapshot().histogramCounts()).extracting(CountAtBucket::bucket)
				.hasSize(McpClientDurationBuckets.BOUNDARIES.length)
				.first()
				.isEqualTo(10_000_000.0);
			assertThat(meters.find("mcp.client.operation.duration").tag("mcp.method.name", "initialize").timer())
				.isNotNull();
			assertThat(meters.find("http.client.requests").timer()).isNotNull();
		});
	}

	@Test
	void sessionIsTimedFromInitializeToClose() {
		stubHandshake(server, "session-1");
		server.stubFor(rpc("ping").willReturn(json("{}")));
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(McpWireMock.PATH)
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)));
		this.runner.run((context) -> {
			McpClient client = context.getBean(McpClient.class);
			client.ping();
			client.close();

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().until(() -> meters.find("mcp.client.session.duration")
				.tags("mcp.protocol.version", "2025-11-25", "error.type", "none")
				.timer(), (found) -> found != null && found.count() == 1);
		});
	}

	@Test
	void httpClientObservationIsTheChildOfTheMcpObservation() {
		stubHandshake(server, null);
		server.stubFor(rpc("tools/call").willReturn(json("{\"content\":[]}")));
		this.runner.withUserConfiguration(RecordingHandler.class).run((context) -> {
			context.getBean(McpClient.class).callTool("add", Map.of());

			List<Observation.Context> stopped = context.getBean(RecordingHandler.class).stopped;
			ClientRequestObservationContext http = await().until(() -> stopped.stream()
				.filter(ClientRequestObservationContext.class::isInstance)
				.map(ClientRequestObservationContext.class::cast)
				.filter((exchange) -> exchange.getParentObservation() != null && "tools/call add"
					.equals(exchange.getParentObservation().getContextView().getContextualName()))
				.findFirst()
				.orElse(null), (found) -> found != null);
			assertThat(http.getParentObservation().getContextView()).isInstanceOf(McpClientObservationContext.class);
		});
	}

	@Test
	void conventionBeanReplacesTheDefault() {
		stubHandshake(server, null);
		server.stubFor(rpc("ping").willReturn(json("{}")));
		this.runner.withUserConfiguration(CustomConvention.class).run((context) -> {
			context.getBean(McpClient.class).ping();

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().until(() -> meters.find("custom.mcp").tag("mcp.method.name", "ping").timer(),
					(found) -> found != null);
			assertThat(meters.find("mcp.client.operation.duration").tag("mcp.method.name", "ping").timer()).isNull();
		});
	}

	@Test
	void withoutAnObservationRegistryNothingIsObserved() {
		stubHandshake(server, null);
		server.stubFor(rpc("ping").willReturn(json("{}")));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, McpClientAutoConfiguration.class,
					McpClientObservationAutoConfiguration.class))
			.withPropertyValues("mcp.client.connections.demo.url=" + McpWireMock.endpoint(server),
					"mcp.client.connections.demo.era=legacy")
			.run((context) -> {
				context.getBean(McpClient.class).ping();
				assertThat(context).doesNotHaveBean(MeterRegistry.class).hasSingleBean(McpClientDurationBuckets.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingHandler implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConvention {

		@Bean
		McpClientObservationConvention customMcpConvention() {
			return new DefaultMcpClientObservationConvention() {
				@Override
				public String getName() {
					return "custom.mcp";
				}
			};
		}

	}

}
