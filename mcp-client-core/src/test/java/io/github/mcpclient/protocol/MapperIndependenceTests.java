package io.github.mcpclient.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the payload types keep their JSON form under a mapper whose global settings
 * pull the other way, as an application's shared mapper might.
 */
class MapperIndependenceTests {

	private final JsonMapper hostileMapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.changeDefaultPropertyInclusion(
				(inclusion) -> JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
		.build();

	@Test
	void unknownPropertiesAreStillIgnored() {
		CallToolResult result = this.hostileMapper.readValue("""
				{"content": [{"type": "text", "text": "ok", "newThing": 1}], "futureField": true}
				""", CallToolResult.class);
		assertThat(result.content()).containsExactly(new TextContent("ok"));
	}

	@Test
	void nullsAreStillOmitted() {
		CallToolResult result = new CallToolResult(List.of(new TextContent("ok")));
		assertThat(this.hostileMapper.readTree(this.hostileMapper.writeValueAsString(result)))
			.isEqualTo(this.hostileMapper.readTree("""
					{"content": [{"type": "text", "text": "ok"}]}
					"""));
	}

	@Test
	void nullValuesInsideFreeFormObjectsAreKept() {
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("maybe", null);
		CallToolRequest request = new CallToolRequest("t", arguments);
		assertThat(PayloadJson.mapper.readTree(PayloadJson.write(request))).isEqualTo(PayloadJson.mapper.readTree("""
				{"name": "t", "arguments": {"maybe": null}}
				"""));
	}

}
