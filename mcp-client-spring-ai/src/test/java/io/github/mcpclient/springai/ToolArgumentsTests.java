package io.github.mcpclient.springai;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The model's arguments on their way to the server: nothing lost, nothing retyped.
 */
class ToolArgumentsTests {

	@Test
	void valuesKeepTheirJsonTypes() {
		Map<String, Object> arguments = ToolArguments.parse("""
				{"count": 3, "big": 12345678901234567890, "ratio": 0.1, "whole": 1.0, "exp": 1e3,
				 "on": true, "nothing": null, "name": "x", "list": [1, "two", null]}""");

		assertThat(arguments).containsEntry("count", 3)
			.containsEntry("big", new BigInteger("12345678901234567890"))
			.containsEntry("ratio", new BigDecimal("0.1"))
			.containsEntry("whole", new BigDecimal("1.0"))
			.containsEntry("exp", new BigDecimal("1e3"))
			.containsEntry("on", true)
			.containsEntry("nothing", null)
			.containsEntry("name", "x");
		assertThat(arguments.get("list")).isEqualTo(java.util.Arrays.asList(1, "two", null));
	}

	@Test
	@SuppressWarnings("unchecked")
	void nestedObjectsStayObjectsInTheirOrder() {
		Map<String, Object> arguments = ToolArguments.parse("{\"filter\":{\"z\":1,\"a\":{\"deep\":[{}]}},\"b\":2}");

		assertThat(arguments).containsOnlyKeys("filter", "b");
		assertThat(arguments.keySet()).containsExactly("filter", "b");
		Map<String, Object> filter = (Map<String, Object>) arguments.get("filter");
		assertThat(filter.keySet()).containsExactly("z", "a");
		assertThat(filter).isEqualTo(Map.of("z", 1, "a", Map.of("deep", List.of(Map.of()))));
	}

	@Test
	void nonAsciiTextArrivesIntact() {
		assertThat(ToolArguments.parse("{\"city\":\"S\u00e3o Paulo \u6771\u4eac \uD83C\uDF27\"}")).containsEntry("city",
				"S\u00e3o Paulo \u6771\u4eac \uD83C\uDF27");
	}

	@Test
	void blankMeansNoArguments() {
		assertThat(ToolArguments.parse("  ")).isEmpty();
		assertThat(ToolArguments.parse("{}")).isEmpty();
	}

	@Test
	void somethingOtherThanAnObjectIsRefusedWithAMessageTheModelCanUse() {
		assertThatIllegalArgumentException().isThrownBy(() -> ToolArguments.parse("[1,2]"))
			.withMessage("The tool arguments must be a JSON object, not: [1,2]");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolArguments.parse("null"))
			.withMessageContaining("must be a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolArguments.parse("{\"a\":"))
			.withMessageStartingWith("The tool arguments are not valid JSON");
	}

}
