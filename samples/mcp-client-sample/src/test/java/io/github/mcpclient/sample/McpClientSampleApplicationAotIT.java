package io.github.mcpclient.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.sample.server.EmbeddedMcpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.json.JsonContent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The sample as Boot's {@code process-aot} goal leaves it, started from the generated
 * code as a native image would start, but on the JVM: the build runs this after
 * {@code process-aot}, with {@code spring.aot.enabled=true}.
 */
@ExtendWith(OutputCaptureExtension.class)
class McpClientSampleApplicationAotIT {

	// Free ports for the application and its embedded MCP server
	private static final String[] PORTS = { "--server.port=0", "--sample.embedded-server.port=0" };

	private final BasicJsonTester json = new BasicJsonTester(getClass());

	@Test
	void startsFromTheGeneratedCodeAndTalksToItsEmbeddedServer(CapturedOutput output) {
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isTrue();
		try (ConfigurableApplicationContext context = run(PORTS)) {
			assertThat(output).contains("Starting AOT-processed McpClientSampleApplication")
				.contains("Called add_numbers {a=2, b=3}: 5");
			assertThat(context.getBean("demo", McpClient.class))
				.isSameAs(context.getBean(McpClients.class).get("demo"));
			String port = context.getEnvironment().getProperty("local.server.port");
			JsonContent<Object> body = this.json.from(RestClient.create("http://127.0.0.1:" + port)
				.get()
				.uri("/actuator/mcp")
				.retrieve()
				.body(String.class));
			assertThat(body).extractingJsonPathStringValue("$.connections.demo.state").isEqualTo("READY");
			assertThat(body).extractingJsonPathStringValue("$.connections.demo.serverName")
				.isEqualTo(EmbeddedMcpServer.NAME);
		}
	}

	@Test
	void aConnectionConfiguredOnlyAtRuntimeStopsTheApplicationNamingIt() {
		// Bean definitions were fixed at build time; the connection's bean cannot appear
		assertThatException()
			.isThrownBy(() -> run(PORTS[0], PORTS[1], "--mcp.client.connections.later.url=http://127.0.0.1:9/mcp"))
			.satisfies((ex) -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex)).hasMessageContaining("'later'")
				.hasMessageContaining("ahead of time"));
	}

	private static ConfigurableApplicationContext run(String... args) {
		// The generated initializer is found through the main class, which is not this
		// test's caller
		SpringApplication application = new SpringApplication(McpClientSampleApplication.class);
		application.setMainApplicationClass(McpClientSampleApplication.class);
		return application.run(args);
	}

	@Test
	void nativeImageHintsCoverTheProtocolMessages() throws IOException {
		try (InputStream metadata = getClass().getResourceAsStream(
				"/META-INF/native-image/io.github.mcpclient/mcp-client-sample/reachability-metadata.json")) {
			assertThat(metadata).as("reachability metadata written by process-aot").isNotNull();
			assertThat(new String(metadata.readAllBytes(), StandardCharsets.UTF_8))
				.contains("\"io.github.mcpclient.protocol.CallToolResult\"")
				.contains("\"io.github.mcpclient.protocol.TextContent\"")
				.contains("\"io.github.mcpclient.protocol.InitializeResult\"");
		}
	}

}
