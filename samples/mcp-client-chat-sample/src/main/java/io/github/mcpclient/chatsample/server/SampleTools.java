package io.github.mcpclient.chatsample.server;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The embedded server's tools, written with the official MCP Java SDK: a made-up weather
 * forecast, a sum and the server's clock.
 */
final class SampleTools {

	private static final List<String> SKIES = List.of("sunny", "partly cloudy", "overcast", "light rain", "windy");

	private final Clock clock;

	SampleTools(Clock clock) {
		this.clock = clock;
	}

	List<SyncToolSpecification> all() {
		return List.of(weather(), addNumbers(), currentTime());
	}

	private SyncToolSpecification weather() {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("weather")
			.description("Today's weather in a city (made up, but the same for the same city)")
			.inputSchema(schema(Map.of("city", Map.of("type", "string", "description", "The city")), "city"))
			.build();
		return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			String city = String.valueOf(request.arguments().get("city"));
			// A stable stand-in for a forecast service: derived from the city's name
			int seed = Math.abs(city.toLowerCase(Locale.ROOT).hashCode());
			String sky = SKIES.get(seed % SKIES.size());
			int temperature = 8 + (seed / SKIES.size()) % 22;
			return text(city + ": " + sky + ", " + temperature + " \u00b0C");
		}).build();
	}

	private SyncToolSpecification addNumbers() {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("add_numbers")
			.description("Adds two numbers exactly")
			.inputSchema(schema(Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")), "a", "b"))
			.build();
		return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
			BigDecimal sum = new BigDecimal(request.arguments().get("a").toString())
				.add(new BigDecimal(request.arguments().get("b").toString()));
			return text(sum.stripTrailingZeros().toPlainString());
		}).build();
	}

	private SyncToolSpecification currentTime() {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name("current_time")
			.description("The server's current time in UTC, in ISO-8601 form")
			.inputSchema(schema(Map.of()))
			.build();
		return SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> text(Instant.now(this.clock).toString()))
			.build();
	}

	private static McpSchema.JsonSchema schema(Map<String, Object> properties, String... required) {
		return new McpSchema.JsonSchema("object", properties, List.of(required), false, null, null);
	}

	private static McpSchema.CallToolResult text(String text) {
		return McpSchema.CallToolResult.builder().addTextContent(text).build();
	}

}
