package io.github.mcpclient.sample.server;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.JsonSchema;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * The tools, resource and prompt the embedded demo server offers, written with the
 * official MCP Java SDK.
 */
final class DemoServerFeatures {

	static final String ABOUT_URI = "sample://about";

	// Every tool here only computes an answer; saying so lets clients call them without
	// fear of side effects
	private static final ToolAnnotations READ_ONLY = ToolAnnotations.builder()
		.readOnlyHint(true)
		.destructiveHint(false)
		.idempotentHint(true)
		.openWorldHint(false)
		.build();

	private final Clock clock;

	DemoServerFeatures(Clock clock) {
		this.clock = clock;
	}

	List<SyncToolSpecification> tools() {
		return List.of(addNumbers(), echo(), currentTime());
	}

	List<SyncResourceSpecification> resources() {
		Resource about = Resource.builder()
			.uri(ABOUT_URI)
			.name("about")
			.title("About this server")
			.description("What the embedded demo server is for")
			.mimeType("text/plain")
			.build();
		return List.of(
				new SyncResourceSpecification(about,
						(exchange, request) -> new ReadResourceResult(List.of(new TextResourceContents(request.uri(),
								"text/plain", "An MCP server embedded in the mcp-client-sample application so that "
										+ "its client has something real to talk to.")))));
	}

	List<SyncPromptSpecification> prompts() {
		Prompt greeting = new Prompt("greeting", "Greet someone by name",
				List.of(new PromptArgument("name", "Who to greet", true)));
		return List.of(new SyncPromptSpecification(greeting, (exchange, request) -> {
			Object name = request.arguments().getOrDefault("name", "there");
			return new GetPromptResult("A friendly greeting",
					List.of(new PromptMessage(Role.USER, new TextContent("Please greet " + name + " warmly."))));
		}));
	}

	private SyncToolSpecification addNumbers() {
		Tool tool = Tool.builder()
			.name("add_numbers")
			.description("Adds two numbers and returns their sum")
			.inputSchema(objectSchema(Map.of("a", number("The first number"), "b", number("The second number")),
					List.of("a", "b")))
			.annotations(READ_ONLY)
			.build();
		return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			Map<String, Object> arguments = request.arguments();
			// BigDecimal keeps 2 + 3 printing as "5" and 0.1 + 0.2 as "0.3", unlike
			// double
			BigDecimal sum = decimal(arguments.get("a")).add(decimal(arguments.get("b")));
			return text(sum.stripTrailingZeros().toPlainString());
		}).build();
	}

	private SyncToolSpecification echo() {
		Tool tool = Tool.builder()
			.name("echo")
			.description("Returns the message it is given")
			.inputSchema(objectSchema(Map.of("message", Map.of("type", "string", "description", "Text to echo")),
					List.of("message")))
			.annotations(READ_ONLY)
			.build();
		return SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> text(String.valueOf(request.arguments().get("message"))))
			.build();
	}

	private SyncToolSpecification currentTime() {
		Tool tool = Tool.builder()
			.name("current_time")
			.description("Returns the server's current time in UTC, in ISO-8601 form")
			.inputSchema(objectSchema(Map.of(), List.of()))
			.annotations(READ_ONLY)
			.build();
		return SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> text(Instant.now(this.clock).toString()))
			.build();
	}

	private static JsonSchema objectSchema(Map<String, Object> properties, List<String> required) {
		return new JsonSchema("object", properties, required, false, null, null);
	}

	private static Map<String, Object> number(String description) {
		return Map.of("type", "number", "description", description);
	}

	private static BigDecimal decimal(Object value) {
		// The SDK validates arguments against the input schema first, so a and b are
		// numbers
		return new BigDecimal(value.toString());
	}

	private static CallToolResult text(String text) {
		return CallToolResult.builder().addTextContent(text).isError(false).build();
	}

	static McpSchema.ServerCapabilities capabilities() {
		return McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).prompts(false).build();
	}

}
