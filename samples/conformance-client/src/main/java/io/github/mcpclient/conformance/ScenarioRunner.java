package io.github.mcpclient.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.Prompt;
import io.github.mcpclient.protocol.Resource;
import io.github.mcpclient.protocol.Tool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Performs what each conformance scenario's server expects of an application using the
 * client. Unknown scenarios get a smoke run: list the tools and add two numbers if the
 * server can.
 */
final class ScenarioRunner {

	private static final Log logger = LogFactory.getLog(ScenarioRunner.class);

	private final McpClient client;

	private final InterleavingElicitationHandler elicitation;

	private final @Nullable String context;

	private @Nullable List<Tool> tools;

	/**
	 * Create a runner.
	 * @param client the client connected to the scenario's server
	 * @param elicitation the client's elicitation handler
	 * @param context the scenario's context, the JSON object the harness passes in
	 * {@code MCP_CONFORMANCE_CONTEXT}, or {@code null} if it passes none
	 */
	ScenarioRunner(McpClient client, InterleavingElicitationHandler elicitation, @Nullable String context) {
		this.client = client;
		this.elicitation = elicitation;
		this.context = context;
	}

	int run(String scenario) {
		try {
			switch (scenario) {
				case "initialize" -> this.client.initialize();
				case "tools_call" -> call("add_numbers", Map.of("a", 2, "b", 3));
				case "elicitation-sep1034-client-defaults" -> call("test_client_elicitation_defaults", Map.of());
				case "sse-retry" -> call("test_reconnection", Map.of());
				case "request-metadata" -> listTools();
				case "http-standard-headers" -> useEverything();
				case "http-custom-headers" -> callToolsOfContext();
				case "http-invalid-tool-headers" -> callEveryTool();
				case "json-schema-2020-12-preservation" -> echoSchema();
				case "json-schema-ref-no-deref" -> listSchemas();
				case "sep-2322-client-request-state" -> answerInputRounds();
				default -> {
					if (AuthScenarios.isAuthScenario(scenario)) {
						callEveryTool();
					}
					else {
						smoke();
					}
				}
			}
			this.client.close();
			return 0;
		}
		catch (RuntimeException ex) {
			logger.error("Scenario '" + scenario + "' failed: " + ex.getMessage(), ex);
			return 1;
		}
	}

	// List everything the server offers, call every tool, read every resource and get
	// every prompt, as a user browsing a new server would.
	private void useEverything() {
		callEveryTool();
		for (Resource resource : this.client.listAllResources()) {
			logger.info("Read " + resource.uri() + ": " + this.client.readResource(resource.uri()).contents());
		}
		for (Prompt prompt : this.client.listAllPrompts()) {
			logger.info("Prompt " + prompt.name() + ": "
					+ this.client.getPrompt(prompt.name(), SampleArguments.forPrompt(prompt.arguments())).messages());
		}
	}

	// The tools the client keeps (it drops tools it cannot call correctly), each called
	// with what a user would fill in.
	private void callEveryTool() {
		for (Tool tool : listTools()) {
			check(tool.name(), this.client.callTool(tool.name(), SampleArguments.forSchema(tool.inputSchema())));
		}
	}

	// The scenario names the calls and their exact arguments, null values included.
	private void callToolsOfContext() {
		listTools();
		if (!(parse(this.context).get("toolCalls") instanceof List<?> calls) || calls.isEmpty()) {
			throw new IllegalStateException("the scenario's context names no tool calls: " + this.context);
		}
		for (Object call : calls) {
			Map<?, ?> toolCall = (Map<?, ?>) call;
			String name = String.valueOf(toolCall.get("name"));
			Map<String, Object> arguments = new LinkedHashMap<>();
			if (toolCall.get("arguments") instanceof Map<?, ?> given) {
				given.forEach((key, value) -> arguments.put(String.valueOf(key), value));
			}
			check(name, this.client.callTool(name, arguments));
		}
	}

	// Hand a tool's input schema back to the server exactly as the client received it.
	private void echoSchema() {
		Tool tool = listTools().stream()
			.filter((candidate) -> candidate.name().equals("json_schema_2020_12_tool"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the server offers no json_schema_2020_12_tool"));
		call("json_schema_echo", Map.of("schema", tool.inputSchema()));
	}

	private void listSchemas() {
		for (Tool tool : listTools()) {
			logger.info("Tool " + tool.name() + " takes " + tool.inputSchema());
		}
	}

	// Tools that need input: answer the server's questions, and while the first call
	// waits for its answer, make an unrelated call on the same connection.
	private void answerInputRounds() {
		listTools();
		CompletableFuture<CallToolResult> unrelated = new CompletableFuture<>();
		this.elicitation.beforeNextAnswer(() -> {
			try {
				unrelated.complete(this.client.callTool("test_mrtr_unrelated", Map.of()));
			}
			catch (RuntimeException ex) {
				unrelated.completeExceptionally(ex);
			}
		});
		call("test_mrtr_echo_state", Map.of());
		if (!unrelated.isDone()) {
			throw new IllegalStateException("test_mrtr_echo_state completed without asking for input");
		}
		check("test_mrtr_unrelated", unrelated.join());
		call("test_mrtr_no_state", Map.of());
		call("test_mrtr_no_result_type", Map.of());
	}

	private void smoke() {
		if (listTools().stream().anyMatch((tool) -> tool.name().equals("add_numbers"))) {
			call("add_numbers", Map.of("a", 2, "b", 3));
		}
	}

	private void call(String toolName, Map<String, Object> arguments) {
		if (listTools().stream().noneMatch((tool) -> tool.name().equals(toolName))) {
			throw new IllegalStateException("the server offers no tool '" + toolName + "'");
		}
		check(toolName, this.client.callTool(toolName, arguments));
	}

	// Listed once per run, as an application would before it calls any.
	private List<Tool> listTools() {
		List<Tool> tools = this.tools;
		if (tools == null) {
			tools = this.client.listAllTools();
			logger.info("Server offers tools " + tools.stream().map(Tool::name).toList());
			this.tools = tools;
		}
		return tools;
	}

	private static void check(String toolName, CallToolResult result) {
		logger.info(toolName + " returned " + result.content());
		if (result.isError()) {
			throw new IllegalStateException(toolName + " reported an error: " + result.content());
		}
	}

	static Map<String, Object> parse(@Nullable String context) {
		if (context == null || context.isBlank()) {
			return Map.of();
		}
		try {
			return JsonMapper.builder().build().readerForMapOf(Object.class).readValue(context);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"MCP_CONFORMANCE_CONTEXT is not a JSON object: " + ex.getOriginalMessage(), ex);
		}
	}

}
