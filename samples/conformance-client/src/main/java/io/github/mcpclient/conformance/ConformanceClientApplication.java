package io.github.mcpclient.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpRootsProvider;
import io.github.mcpclient.McpSamplingHandler;
import io.github.mcpclient.engine.McpClientFactory;
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
		String scenarioContext = System.getenv("MCP_CONFORMANCE_CONTEXT");
		McpClient client = context.getBean(McpClient.class);
		if (AuthScenarios.isAuthScenario(scenario)) {
			// The starter has no authorization properties yet: build the authorized
			// client the way an application without Boot would.
			URI url = URI
				.create(context.getEnvironment().getRequiredProperty("mcp.client.connections.conformance.url"));
			client = McpClientFactory.create()
				.create(McpClientSettings.of("conformance", url), McpClientHandlers.none(),
						AuthScenarios.authorization(scenario, ScenarioRunner.parse(scenarioContext)));
		}
		ScenarioRunner runner = new ScenarioRunner(client, context.getBean(InterleavingElicitationHandler.class),
				scenarioContext);
		int exitCode = runner.run(scenario);
		System.exit(SpringApplication.exit(context, () -> exitCode));
	}

}
