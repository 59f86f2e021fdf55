package io.github.mcpclient.springai;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.protocol.CallToolRequest;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.Tool;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;

/**
 * One tool of one MCP connection as a Spring AI {@link ToolCallback}: each call is a
 * {@code tools/call} through that connection's client.
 * <p>
 * A result with {@code isError} set, a call the client could not complete and arguments
 * that are not a JSON object all end in a {@link ToolExecutionException}: Spring AI's
 * default exception processor hands its message to the model, which can then try
 * otherwise. Its cause tells them apart: {@link McpToolErrorException} for a tool that
 * ran and failed, an {@link io.github.mcpclient.exception.McpException} for a call that
 * failed, an {@link IllegalArgumentException} for unusable arguments.
 * <p>
 * The whole {@link ToolContext} of a call is in the Reactor context of the MCP request,
 * under the key {@code ToolContext.class}, where a {@code WebClient} filter added by an
 * {@code McpClientCustomizer} can read it, for example to choose the credentials of the
 * user on whose behalf the call is made.
 *
 * @since 0.1.0
 */
public final class McpToolCallback implements ToolCallback {

	private static final String CALL_TOOL = "tools/call";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ToolContext EMPTY_CONTEXT = new ToolContext(Map.of());

	private final McpClient client;

	private final Tool tool;

	private final ToolDefinition definition;

	private final McpToolResultConverter resultConverter;

	private final McpToolCallMeta callMeta;

	McpToolCallback(McpClient client, Tool tool, String name, McpToolResultConverter resultConverter,
			McpToolCallMeta callMeta) {
		this.client = client;
		this.tool = tool;
		this.definition = ToolDefinition.builder()
			.name(name)
			.description(description(tool))
			.inputSchema(inputSchema(tool))
			.build();
		this.resultConverter = resultConverter;
		this.callMeta = callMeta;
	}

	/**
	 * The connection whose server offers the tool.
	 * @return the connection name
	 */
	public String connectionName() {
		return this.client.name();
	}

	/**
	 * The tool as the server describes it; its {@link Tool#name() name} is the one the
	 * server knows, which may differ from the name the model sees.
	 * @return the tool
	 */
	public Tool tool() {
		return this.tool;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.definition;
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, EMPTY_CONTEXT);
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		ToolContext context = (toolContext != null) ? toolContext : EMPTY_CONTEXT;
		Map<String, Object> arguments;
		try {
			arguments = ToolArguments.parse(toolInput);
		}
		catch (IllegalArgumentException ex) {
			throw new ToolExecutionException(this.definition, ex);
		}
		CallToolResult result;
		try {
			result = request(arguments, this.callMeta.meta(this, context))
				.contextWrite((reactorContext) -> reactorContext.put(ToolContext.class, context))
				.block();
		}
		catch (RuntimeException ex) {
			throw new ToolExecutionException(this.definition, ex);
		}
		if (result == null) {
			throw new ToolExecutionException(this.definition,
					new IllegalStateException("The call of '" + this.tool.name() + "' ended without a result"));
		}
		String text = this.resultConverter.convert(result);
		if (result.isError()) {
			String message = text.isBlank() ? "The tool '" + this.tool.name() + "' failed without saying why" : text;
			throw new ToolExecutionException(this.definition,
					new McpToolErrorException(connectionName(), this.tool.name(), result, message));
		}
		return text;
	}

	private Mono<CallToolResult> request(Map<String, Object> arguments, @Nullable Map<String, Object> meta) {
		if (meta == null || meta.isEmpty()) {
			return this.client.reactive().callTool(this.tool.name(), arguments);
		}
		// The typed call has no place for _meta; this is the same tools/call with it
		return this.client.reactive()
			.request(CALL_TOOL, new CallToolRequest(this.tool.name(), arguments, meta), CallToolResult.class);
	}

	private static String description(Tool tool) {
		String description = tool.description();
		return (description != null && !description.isBlank()) ? description : tool.displayName();
	}

	private static String inputSchema(Tool tool) {
		Map<String, Object> schema = new LinkedHashMap<>(tool.inputSchema());
		schema.putIfAbsent("type", "object");
		// Some model APIs refuse an object schema without properties, which MCP allows
		if ("object".equals(schema.get("type"))) {
			schema.putIfAbsent("properties", Map.of());
		}
		return json.writeValueAsString(schema);
	}

	@Override
	public String toString() {
		return "McpToolCallback[" + this.definition.name() + " -> " + connectionName() + "/" + this.tool.name() + "]";
	}

}
