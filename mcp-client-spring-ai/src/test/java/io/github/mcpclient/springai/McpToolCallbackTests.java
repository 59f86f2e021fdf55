package io.github.mcpclient.springai;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.exception.McpTimeoutException;
import io.github.mcpclient.protocol.CallToolRequest;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.ImageContent;
import io.github.mcpclient.protocol.TextContent;
import io.github.mcpclient.protocol.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * One tool call: the model's arguments to the server, the server's answer to the model.
 */
class McpToolCallbackTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final McpClient client = mock(McpClient.class);

	private final ReactiveMcpClient reactive = mock(ReactiveMcpClient.class);

	private final List<Map<String, ?>> sentArguments = new ArrayList<>();

	private final AtomicReference<ToolContext> contextSeenByRequest = new AtomicReference<>();

	private CallToolResult answer = new CallToolResult(List.of(new TextContent("ok")));

	@BeforeEach
	void client() {
		given(this.client.name()).willReturn("weather");
		given(this.client.reactive()).willReturn(this.reactive);
		given(this.reactive.callTool(anyString(), anyMap())).willAnswer((invocation) -> {
			this.sentArguments.add(invocation.getArgument(1));
			return Mono.deferContextual((context) -> {
				this.contextSeenByRequest.set(context.getOrDefault(ToolContext.class, null));
				return Mono.just(this.answer);
			});
		});
	}

	@Test
	void definitionCarriesTheNameTheDescriptionAndTheSchema() {
		Tool tool = new Tool("forecast", "Forecast", "Tomorrow's weather", Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string")), "required", List.of("city")), null, null, null);

		McpToolCallback callback = callback(tool);

		assertThat(callback.getToolDefinition().name()).isEqualTo("weather_forecast");
		assertThat(callback.getToolDefinition().description()).isEqualTo("Tomorrow's weather");
		assertThat(json.readTree(callback.getToolDefinition().inputSchema()))
			.isEqualTo(json.valueToTree(tool.inputSchema()));
		assertThat(callback.connectionName()).isEqualTo("weather");
		assertThat(callback.tool()).isSameAs(tool);
	}

	@Test
	void aToolWithoutDescriptionIsDescribedByItsTitleAndAnEmptyObjectSchemaGetsProperties() {
		Tool tool = new Tool("now", "Current time", null, Map.of("type", "object"), null, null, null);

		McpToolCallback callback = callback(tool);

		assertThat(callback.getToolDefinition().description()).isEqualTo("Current time");
		JsonNode schema = json.readTree(callback.getToolDefinition().inputSchema());
		assertThat(schema.path("properties").isObject()).isTrue();
	}

	@Test
	void argumentsReachTheServerAsTheModelWroteThem() {
		callback(tool("forecast"))
			.call("{\"city\":\"Z\u00fcrich\",\"days\":3,\"ratio\":0.25,\"unit\":null,\"where\":{\"lat\":47.37}}");

		Map<String, ?> sent = this.sentArguments.get(0);
		assertThat(sent.keySet()).containsExactly("city", "days", "ratio", "unit", "where");
		assertThat(sent.get("city")).isEqualTo("Z\u00fcrich");
		assertThat(sent.get("days")).isEqualTo(3);
		assertThat(sent.get("ratio")).isEqualTo(new BigDecimal("0.25"));
		assertThat(sent.containsKey("unit")).isTrue();
		assertThat(sent.get("unit")).isNull();
		assertThat(sent.get("where")).isEqualTo(Map.of("lat", new BigDecimal("47.37")));
		then(this.reactive).should().callTool(eq("forecast"), anyMap());
	}

	@Test
	void theResultIsTheTextTheModelReads() {
		this.answer = new CallToolResult(List.of(new TextContent("Sunny"), new ImageContent("AAAA", "image/png")));

		assertThat(callback(tool("forecast")).call("{}")).isEqualTo("Sunny\n[image: image/png, 3 bytes, not shown]");
	}

	@Test
	void anErrorResultBecomesAToolExecutionExceptionWhoseMessageIsTheToolsAccount() {
		this.answer = new CallToolResult(List.of(new TextContent("Unknown city 'Atlantis'")), null, true, null);
		McpToolCallback callback = callback(tool("forecast"));

		assertThatExceptionOfType(ToolExecutionException.class).isThrownBy(() -> callback.call("{}"))
			.satisfies((ex) -> {
				assertThat(ex.getToolDefinition()).isSameAs(callback.getToolDefinition());
				assertThat(ex).hasMessage("Unknown city 'Atlantis'");
				assertThat(ex.getCause()).isInstanceOfSatisfying(McpToolErrorException.class, (error) -> {
					assertThat(error.getConnectionName()).isEqualTo("weather");
					assertThat(error.getToolName()).isEqualTo("forecast");
					assertThat(error.getResult()).isSameAs(this.answer);
				});
				// What Spring AI's default processing hands back to the model
				assertThat(DefaultToolExecutionExceptionProcessor.builder().build().process(ex))
					.isEqualTo("Unknown city 'Atlantis'");
			});
	}

	@Test
	void anErrorResultWithoutContentStillSaysWhichToolFailed() {
		this.answer = new CallToolResult(List.of(), null, true, null);

		assertThatExceptionOfType(ToolExecutionException.class).isThrownBy(() -> callback(tool("forecast")).call("{}"))
			.withMessage("The tool 'forecast' failed without saying why");
	}

	@Test
	void aCallThatFailsBecomesAToolExecutionExceptionCausedByTheClientsException() {
		McpTimeoutException timeout = new McpTimeoutException("weather", "tools/call",
				java.time.Duration.ofSeconds(30));
		given(this.reactive.callTool(anyString(), anyMap())).willReturn(Mono.error(timeout));

		assertThatExceptionOfType(ToolExecutionException.class).isThrownBy(() -> callback(tool("forecast")).call("{}"))
			.havingCause()
			.isSameAs(timeout);
	}

	@Test
	void argumentsThatAreNotAnObjectAreRefusedWithoutACall() {
		assertThatExceptionOfType(ToolExecutionException.class)
			.isThrownBy(() -> callback(tool("forecast")).call("[\"Oslo\"]"))
			.withMessageContaining("must be a JSON object")
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.sentArguments).isEmpty();
	}

	@Test
	void theToolContextsMetaEntryIsSentAsMetaAndNothingElseOfIt() {
		given(this.reactive.request(eq("tools/call"), any(), eq(CallToolResult.class)))
			.willReturn(Mono.just(this.answer));
		Map<String, Object> context = new LinkedHashMap<>();
		context.put(McpToolCallMeta.TOOL_CONTEXT_KEY, Map.of("tenant", "acme", "trace", "t-1"));
		context.put("currentUser", "alice");
		context.put("secretToken", "s3cr3t");

		callback(tool("forecast")).call("{\"city\":\"Oslo\"}", new ToolContext(context));

		then(this.reactive).should()
			.request("tools/call",
					new CallToolRequest("forecast", Map.of("city", "Oslo"), Map.of("tenant", "acme", "trace", "t-1")),
					CallToolResult.class);
		then(this.reactive).should(org.mockito.Mockito.never()).callTool(anyString(), anyMap());
	}

	@Test
	void withoutAMetaEntryTheCallIsAPlainToolCall() {
		callback(tool("forecast")).call("{}", new ToolContext(Map.of("currentUser", "alice")));

		assertThat(this.sentArguments).hasSize(1);
		then(this.reactive).should(org.mockito.Mockito.never()).request(anyString(), any(), any());
	}

	@Test
	void theWholeToolContextIsInTheReactorContextOfTheRequest() {
		ToolContext context = new ToolContext(Map.of("currentUser", "alice"));

		callback(tool("forecast")).call("{}", context);

		assertThat(this.contextSeenByRequest.get()).isSameAs(context);
	}

	@Test
	void aCustomMetaMappingDecidesWhatIsSent() {
		given(this.reactive.request(eq("tools/call"), any(), eq(CallToolResult.class)))
			.willReturn(Mono.just(this.answer));
		McpToolCallMeta onBehalfOf = (tool, context) -> Map.of("user", context.getContext().get("currentUser"));
		McpToolCallback callback = new McpToolCallback(this.client, tool("forecast"), "weather_forecast",
				McpToolResultConverter.text(), onBehalfOf);

		callback.call("{}", new ToolContext(Map.of("currentUser", "alice")));

		then(this.reactive).should()
			.request("tools/call", new CallToolRequest("forecast", Map.of(), Map.of("user", "alice")),
					CallToolResult.class);
	}

	private McpToolCallback callback(Tool tool) {
		return new McpToolCallback(this.client, tool, "weather_" + tool.name(), McpToolResultConverter.text(),
				McpToolCallMeta.fromToolContextEntry());
	}

	private static Tool tool(String name) {
		return new Tool(name, "The " + name + " tool", Map.of("type", "object"));
	}

}
