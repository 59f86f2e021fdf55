package io.github.mcpclient.conformance;

import java.util.List;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.Tool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Performs what each conformance scenario expects of a client. Unknown scenarios get a
 * smoke run: list the tools and add two numbers if the server can.
 */
final class ScenarioRunner {

	private static final Log logger = LogFactory.getLog(ScenarioRunner.class);

	private final McpClient client;

	ScenarioRunner(McpClient client) {
		this.client = client;
	}

	int run(String scenario) {
		try {
			switch (scenario) {
				case "initialize" -> this.client.initialize();
				case "elicitation-sep1034-client-defaults" ->
					callIfPresent("test_client_elicitation_defaults", Map.of());
				case "sse-retry" -> callIfPresent("test_reconnection", Map.of());
				default -> callIfPresent("add_numbers", Map.of("a", 2, "b", 3));
			}
			this.client.close();
			return 0;
		}
		catch (McpException ex) {
			logger.error("Scenario '" + scenario + "' failed: " + ex.getMessage(), ex);
			return 1;
		}
	}

	private void callIfPresent(String toolName, Map<String, Object> arguments) {
		List<Tool> tools = this.client.listAllTools();
		logger.info("Server offers tools " + tools.stream().map(Tool::name).toList());
		if (tools.stream().anyMatch((tool) -> tool.name().equals(toolName))) {
			CallToolResult result = this.client.callTool(toolName, arguments);
			logger.info(toolName + " returned " + result.content());
			if (result.isError()) {
				throw new McpException(this.client.name(), "tools/call",
						toolName + " reported an error: " + result.content());
			}
		}
	}

}
