package io.github.mcpclient.conformance;

import java.util.List;
import java.util.Map;

import io.github.mcpclient.protocol.PromptArgument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleArgumentsTests {

	@Test
	void fillsEveryRequiredPropertyWithAValueOfItsType() {
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("region", Map.of("type", "string"), "count", Map.of("type", "integer"), "dryRun",
						Map.of("type", "boolean"), "unit", Map.of("type", "string", "enum", List.of("km", "mi")),
						"note", Map.of("type", "string")),
				"required", List.of("region", "count", "dryRun", "unit"));

		assertThat(SampleArguments.forSchema(schema))
			.containsExactlyInAnyOrderEntriesOf(Map.of("region", "example", "count", 1, "dryRun", true, "unit", "km"));
	}

	@Test
	void leavesOutEverythingOptional() {
		assertThat(SampleArguments.forSchema(Map.of("type", "object", "properties", Map.of("a", Map.of())))).isEmpty();
		assertThat(SampleArguments.forSchema(Map.of())).isEmpty();
	}

	@Test
	void fillsOnlyRequiredPromptArguments() {
		List<PromptArgument> arguments = List.of(new PromptArgument("city", null, null, true),
				new PromptArgument("style", null, null, false), new PromptArgument("mood", null, null, null));

		assertThat(SampleArguments.forPrompt(arguments)).containsExactlyEntriesOf(Map.of("city", "example"));
		assertThat(SampleArguments.forPrompt(null)).isEmpty();
	}

}
