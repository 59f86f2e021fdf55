package io.github.mcpclient.conformance;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpElicitationHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Runs one conformance scenario against the server named on the command line and exits
 * with 0 on success.
 */
@SpringBootApplication
public class ConformanceClientApplication {

	@Bean
	McpElicitationHandler schemaDefaults() {
		return new SchemaDefaultsElicitationHandler();
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(ConformanceClientApplication.class, args);
		String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "");
		int exitCode = new ScenarioRunner(context.getBean(McpClient.class)).run(scenario);
		System.exit(SpringApplication.exit(context, () -> exitCode));
	}

}
