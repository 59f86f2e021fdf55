package io.github.mcpclient.protocol;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static io.github.mcpclient.protocol.PayloadJson.assertWrites;
import static io.github.mcpclient.protocol.PayloadJson.read;
import static io.github.mcpclient.protocol.PayloadJson.roundTrip;
import static io.github.mcpclient.protocol.PayloadJson.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the JSON form of the {@code tools/*} payloads.
 */
class ToolPayloadJsonTests {

	@Test
	void readsToolsListResult() {
		ListToolsResult result = read("""
				{
				  "tools": [
					{
					  "name": "get_weather",
					  "title": "Weather Information Provider",
					  "description": "Get current weather information for a location",
					  "inputSchema": {
						"type": "object",
						"properties": {
						  "location": {"type": "string", "description": "City name or zip code"},
						  "units": {"type": "string", "enum": ["metric", "imperial"]}
						},
						"required": ["location"]
					  },
					  "outputSchema": {
						"type": "object",
						"properties": {"temperature": {"type": "number"}},
						"required": ["temperature"]
					  },
					  "annotations": {
						"title": "Weather",
						"readOnlyHint": true,
						"destructiveHint": false,
						"idempotentHint": true,
						"openWorldHint": true
					  },
					  "icons": [{"src": "https://example.com/sun.png"}],
					  "execution": {"taskSupport": "optional"},
					  "_meta": {"vendor/cost": 3}
					},
					{
					  "name": "echo",
					  "inputSchema": {"type": "object"}
					}
				  ],
				  "nextCursor": "page-2",
				  "_meta": {"served-by": "node-7"}
				}
				""", ListToolsResult.class);
		assertThat(result.nextCursor()).isEqualTo("page-2");
		assertThat(result.meta()).containsEntry("served-by", "node-7");
		assertThat(result.tools()).hasSize(2);
		Tool weather = result.tools().get(0);
		assertThat(weather.name()).isEqualTo("get_weather");
		assertThat(weather.title()).isEqualTo("Weather Information Provider");
		assertThat(weather.description()).isEqualTo("Get current weather information for a location");
		assertThat(weather.inputSchema()).containsEntry("type", "object")
			.containsEntry("required", List.of("location"));
		assertThat(weather.inputSchema().get("properties"))
			.asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsOnlyKeys("location", "units");
		assertThat(weather.outputSchema()).containsEntry("required", List.of("temperature"));
		assertThat(weather.annotations()).isEqualTo(new ToolAnnotations("Weather", true, false, true, true));
		assertThat(weather.meta()).containsEntry("vendor/cost", 3);
		Tool echo = result.tools().get(1);
		assertThat(echo.title()).isNull();
		assertThat(echo.description()).isNull();
		assertThat(echo.outputSchema()).isNull();
		assertThat(echo.annotations()).isNull();
		assertThat(echo.meta()).isNull();
		assertThat(echo.inputSchema()).isEqualTo(Map.of("type", "object"));
	}

	@Test
	void toolsListWithoutToolsOrCursorIsEmpty() {
		ListToolsResult result = read("{}", ListToolsResult.class);
		assertThat(result.tools()).isEmpty();
		assertThat(result.nextCursor()).isNull();
	}

	@Test
	void toolWithoutNameIsRejected() {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> read("""
				{"tools": [{"inputSchema": {"type": "object"}}]}
				""", ListToolsResult.class)).withStackTraceContaining("'name' must not be null");
	}

	@Test
	void inputSchemaKeepsKeyOrderAndNullValues() {
		Tool tool = read("""
				{"name": "t", "inputSchema": {"type": "object", "zeta": 1, "alpha": null, "mid": 2}}
				""", Tool.class);
		assertThat(tool.inputSchema()).containsExactly(Map.entry("type", "object"), Map.entry("zeta", 1),
				new AbstractMap.SimpleEntry<>("alpha", null), Map.entry("mid", 2));
	}

	@Test
	void toolDisplayNameFollowsSpecPrecedence() {
		Map<String, Object> schema = Map.of("type", "object");
		ToolAnnotations annotated = new ToolAnnotations("Annotated", null, null, null, null);
		assertThat(new Tool("n", "Title", null, schema, null, annotated, null).displayName()).isEqualTo("Title");
		assertThat(new Tool("n", null, null, schema, null, annotated, null).displayName()).isEqualTo("Annotated");
		assertThat(new Tool("n", null, schema).displayName()).isEqualTo("n");
	}

	@Test
	void writesToolWithoutNullsOrHelperProperties() {
		Tool tool = new Tool("search", "Find things", Map.of("type", "object"));
		assertWrites(tool, """
				{"name": "search", "description": "Find things", "inputSchema": {"type": "object"}}
				""");
		assertThat(roundTrip(tool, Tool.class)).isEqualTo(tool);
	}

	@Test
	void writesCallToolRequest() {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("location", "New York");
		arguments.put("days", 3);
		arguments.put("filters", Map.of("rain", true));
		arguments.put("note", null);
		assertWrites(new CallToolRequest("get_weather", arguments, Map.of("progressToken", "p-1")), """
				{"name": "get_weather",
				 "arguments": {"location": "New York", "days": 3, "filters": {"rain": true}, "note": null},
				 "_meta": {"progressToken": "p-1"}}
				""");
	}

	@Test
	void writesCallToolRequestWithoutArguments() {
		assertWrites(new CallToolRequest("ping_tool", null), """
				{"name": "ping_tool"}
				""");
	}

	@Test
	void callToolRequestCopiesArgumentsDefensively() {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("a", 1);
		CallToolRequest request = new CallToolRequest("t", arguments);
		arguments.put("b", 2);
		assertThat(request.arguments()).containsOnlyKeys("a");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> request.arguments().put("c", 3));
	}

	@Test
	void readsCallToolResultWithEveryContentType() {
		CallToolResult result = read("""
				{
				  "content": [
					{"type": "text", "text": "Sunny, 22°C", "annotations": {"audience": ["user"]}},
					{"type": "image", "data": "iVBORw0KGgo=", "mimeType": "image/png"},
					{"type": "audio", "data": "UklGRg==", "mimeType": "audio/wav"},
					{"type": "resource_link", "uri": "file:///forecast.json", "name": "forecast.json",
					 "mimeType": "application/json", "size": 512},
					{"type": "resource", "resource": {"uri": "file:///raw.txt", "text": "raw data"}},
					{"type": "resource", "resource": {"uri": "file:///raw.bin", "blob": "AAEC"}},
					{"type": "chart", "series": [1, 2, 3]}
				  ],
				  "structuredContent": {"temperature": 22.5, "conditions": "Sunny", "wind": null},
				  "isError": false,
				  "_meta": {"elapsed-ms": 41},
				  "somethingNew": [true]
				}
				""", CallToolResult.class);
		List<Content> content = result.content();
		assertThat(content).hasSize(7);
		assertThat(content.get(0))
			.isEqualTo(new TextContent("Sunny, 22°C", new Annotations(List.of(Role.USER), null, null), null));
		assertThat(content.get(1)).isEqualTo(new ImageContent("iVBORw0KGgo=", "image/png"));
		assertThat(content.get(2)).isEqualTo(new AudioContent("UklGRg==", "audio/wav"));
		assertThat(content.get(3)).isEqualTo(new ResourceLink("file:///forecast.json", "forecast.json", null, null,
				"application/json", 512L, null, null));
		assertThat(content.get(4))
			.isEqualTo(new EmbeddedResource(new TextResourceContents("file:///raw.txt", null, "raw data")));
		assertThat(content.get(5))
			.isEqualTo(new EmbeddedResource(new BlobResourceContents("file:///raw.bin", null, "AAEC")));
		assertThat(content.get(6)).isEqualTo(new UnknownContent("chart", Map.of("series", List.of(1, 2, 3))));
		assertThat(result.structuredContent()).containsEntry("temperature", 22.5)
			.containsEntry("conditions", "Sunny")
			.containsEntry("wind", null);
		assertThat(result.error()).isFalse();
		assertThat(result.isError()).isFalse();
		assertThat(result.meta()).containsEntry("elapsed-ms", 41);
	}

	@Test
	void readsToolFailureFromIsError() {
		CallToolResult result = read("""
				{"content": [{"type": "text", "text": "city not found"}], "isError": true}
				""", CallToolResult.class);
		assertThat(result.isError()).isTrue();
		assertThat(result.error()).isTrue();
	}

	@Test
	void missingIsErrorMeansSuccess() {
		CallToolResult result = read("""
				{"content": []}
				""", CallToolResult.class);
		assertThat(result.error()).isNull();
		assertThat(result.isError()).isFalse();
		assertThat(result.structuredContent()).isNull();
	}

	@Test
	void missingContentIsAnEmptyList() {
		CallToolResult result = read("""
				{"structuredContent": {"ok": true}}
				""", CallToolResult.class);
		assertThat(result.content()).isEmpty();
		assertThat(result.structuredContent()).containsEntry("ok", true);
	}

	@Test
	void writesIsErrorUnderItsJsonName() {
		CallToolResult failed = new CallToolResult(List.of(new TextContent("boom")), Map.of("code", 7), true, null);
		assertWrites(failed, """
				{"content": [{"type": "text", "text": "boom"}], "structuredContent": {"code": 7}, "isError": true}
				""");
		assertThat(write(failed)).doesNotContain("\"error\"");
		assertWrites(new CallToolResult(List.of()), """
				{"content": []}
				""");
	}

	@Test
	void callToolResultRoundTripsEveryContentType() {
		CallToolResult result = new CallToolResult(List.of(new TextContent("t"), new ImageContent("aW1n", "image/jpeg"),
				new AudioContent("YXVk", "audio/mpeg"), new ResourceLink("https://example.com/a", "a"),
				new EmbeddedResource(new TextResourceContents("file:///t", "text/plain", "x")),
				new EmbeddedResource(new BlobResourceContents("file:///b", null, "eA==")),
				new UnknownContent("future", Map.of("k", "v"))), Map.of("n", 1), true, Map.of("m", "v"));
		assertThat(roundTrip(result, CallToolResult.class)).isEqualTo(result);
	}

}
