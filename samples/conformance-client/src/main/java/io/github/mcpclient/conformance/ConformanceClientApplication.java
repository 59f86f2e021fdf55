package io.github.mcpclient.conformance;

import java.nio.file.Path;
import java.util.List;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpRootsProvider;
import io.github.mcpclient.McpSamplingHandler;
import io.github.mcpclient.protocol.Root;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Runs one conformance scenario against the server named on the command line and exits
 * with 0 on success. It has a handler for everything a server may ask of a client, so it
 * declares every client capability.
 */
@SpringBootApplication
public class ConformanceClientApplication {

	@Bean
	InterleavingElicitationHandler schemaDefaults() {
		return new InterleavingElicitationHandler(new SchemaDefaultsElicitationHandler());
	}

	@Bean
	McpSamplingHandler noModel() {
		return new NoModelSamplingHandler();
	}

	@Bean
	McpRootsProvider workingDirectory() {
		return (connection) -> List.of(new Root(Path.of("").toAbsolutePath().toUri().toString(), "working directory"));
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(ConformanceClientApplication.class, args);
		String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "");
		ScenarioRunner runner = new ScenarioRunner(context.getBean(McpClient.class),
				context.getBean(InterleavingElicitationHandler.class), System.getenv("MCP_CONFORMANCE_CONTEXT"));
		int exitCode = runner.run(scenario);
		System.exit(SpringApplication.exit(context, () -> exitCode));
	}

}
