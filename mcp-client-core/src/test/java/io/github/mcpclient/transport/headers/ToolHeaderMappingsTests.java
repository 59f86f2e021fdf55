package io.github.mcpclient.transport.headers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.transport.headers.ToolHeaderMappings.Mapping;
import io.github.mcpclient.transport.headers.ToolHeaderMappings.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ToolHeaderMappings}.
 */
class ToolHeaderMappingsTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void schemaWithoutAnnotationsIsValidAndAsksForNoHeaders() {
		Result result = ToolHeaderMappings.of(json("""
				{"type": "object", "properties": {"query": {"type": "string"}}}"""));
		assertThat(result.isValid()).isTrue();
		assertThat(result.problems()).isEmpty();
		assertThat(result.mappings().isEmpty()).isTrue();
		assertThat(result.mappings().headersFor(json("""
				{"query": "SELECT 1"}"""))).isEmpty();
	}

	@Test
	void emptySchemaIsValid() {
		assertThat(ToolHeaderMappings.of(Map.of()).mappings().mappings()).isEmpty();
	}

	@Test
	void stringIntegerAndBooleanPropertiesAreMapped() {
		ToolHeaderMappings mappings = valid("""
				{"type": "object", "properties": {
					"region": {"type": "string", "x-mcp-header": "Region"},
					"query": {"type": "string"},
					"shard": {"type": "integer", "x-mcp-header": "Shard"},
					"dryRun": {"type": "boolean", "x-mcp-header": "Dry-Run"}
				}}""");
		assertThat(mappings.mappings()).containsExactly(new Mapping(List.of("region"), "Region"),
				new Mapping(List.of("shard"), "Shard"), new Mapping(List.of("dryRun"), "Dry-Run"));
		assertThat(mappings.headersFor(json("""
				{"region": "us-west1", "query": "SELECT 1", "shard": -7, "dryRun": false}"""))).containsExactly(
				Map.entry("Mcp-Param-Region", "us-west1"), Map.entry("Mcp-Param-Shard", "-7"),
				Map.entry("Mcp-Param-Dry-Run", "false"));
	}

	@Test
	void headerNameKeepsDeclaredCase() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"tenant": {"type": "string", "x-mcp-header": "tenantID"}}}""");
		assertThat(mappings.mappings().get(0).headerName()).isEqualTo("Mcp-Param-tenantID");
	}

	@Test
	void nameOfStandardHeaderIsAllowedBecauseItGetsThePrefix() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"m": {"type": "string", "x-mcp-header": "Method"}}}""");
		assertThat(mappings.headersFor(Map.of("m", "x"))).containsExactly(Map.entry("Mcp-Param-Method", "x"));
	}

	@Test
	void everyTokenCharacterIsAllowedInName() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"p": {"type": "string", "x-mcp-header": "aZ09!#$%&'*+-.^_`|~"}}}""");
		assertThat(mappings.mappings()).extracting(Mapping::name).containsExactly("aZ09!#$%&'*+-.^_`|~");
	}

	@ParameterizedTest
	@ValueSource(strings = { "number", "array", "object", "null" })
	void otherTypesAreRejected(String type) {
		Result result = ToolHeaderMappings.of(json("""
				{"properties": {"p": {"type": "%s", "x-mcp-header": "P"}}}""".formatted(type)));
		assertThat(result.isValid()).isFalse();
		assertThat(result.problems()).singleElement()
			.asString()
			.startsWith("#/properties/p: ")
			.contains("string, integer or boolean")
			.contains("type " + type);
	}

	@Test
	void propertyWithoutTypeIsRejected() {
		assertThat(problems("""
				{"properties": {"p": {"enum": ["a", "b"], "x-mcp-header": "P"}}}""")).singleElement()
			.asString()
			.contains("untyped");
	}

	@Test
	void propertyWithSeveralTypesIsRejected() {
		assertThat(problems("""
				{"properties": {"p": {"type": ["string", "null"], "x-mcp-header": "P"}}}""")).singleElement()
			.asString()
			.contains("[string, null]");
	}

	@Test
	void nestedPlainPropertiesAreReachable() {
		ToolHeaderMappings mappings = valid("""
				{"type": "object", "properties": {
					"target": {"type": "object", "properties": {
						"location": {"type": "object", "properties": {
							"region": {"type": "string", "x-mcp-header": "Region"}
						}}
					}}
				}}""");
		assertThat(mappings.mappings()).containsExactly(new Mapping(List.of("target", "location", "region"), "Region"));
		assertThat(mappings.headersFor(json("""
				{"target": {"location": {"region": "eu"}}}"""))).containsExactly(Map.entry("Mcp-Param-Region", "eu"));
	}

	@ParameterizedTest
	@ValueSource(strings = { """
			{"properties": {"list": {"type": "array", "items": {"type": "string", "x-mcp-header": "X"}}}}""",
			"""
					{"properties": {"list": {"type": "array", "items": {"properties": {"a": {"type": "string", "x-mcp-header": "X"}}}}}}""",
			"""
					{"properties": {"t": {"prefixItems": [{"type": "string", "x-mcp-header": "X"}]}}}""", """
					{"properties": {"t": {"items": [{"type": "string", "x-mcp-header": "X"}]}}}""", """
					{"properties": {"t": {"contains": {"type": "string", "x-mcp-header": "X"}}}}""", """
					{"anyOf": [{"properties": {"a": {"type": "string", "x-mcp-header": "X"}}}]}""", """
					{"oneOf": [{"properties": {"a": {"type": "string", "x-mcp-header": "X"}}}]}""", """
					{"allOf": [{"properties": {"a": {"type": "string", "x-mcp-header": "X"}}}]}""", """
					{"properties": {"a": {"not": {"type": "string", "x-mcp-header": "X"}}}}""", """
					{"if": {"properties": {"a": {"type": "string", "x-mcp-header": "X"}}}}""", """
					{"then": {"properties": {"a": {"type": "string", "x-mcp-header": "X"}}}}""", """
					{"else": {"properties": {"a": {"type": "string", "x-mcp-header": "X"}}}}""", """
					{"additionalProperties": {"type": "string", "x-mcp-header": "X"}}""", """
					{"unevaluatedProperties": {"type": "string", "x-mcp-header": "X"}}""", """
					{"patternProperties": {"^a": {"type": "string", "x-mcp-header": "X"}}}""", """
					{"dependentSchemas": {"a": {"properties": {"b": {"type": "string", "x-mcp-header": "X"}}}}}""", """
					{"propertyNames": {"type": "string", "x-mcp-header": "X"}}""",
			"""
					{"properties": {"a": {"$ref": "#/$defs/region"}}, "$defs": {"region": {"type": "string", "x-mcp-header": "X"}}}""",
			"""
					{"definitions": {"region": {"type": "string", "x-mcp-header": "X"}}}""" })
	void annotationBelowAnyOtherKeywordIsRejected(String schema) {
		assertThat(problems(schema)).singleElement()
			.asString()
			.contains("only allowed on properties reached from the root through 'properties' alone");
	}

	@Test
	void problemNamesUnreachableAnnotationByPointer() {
		assertThat(problems("""
				{"properties": {"a/b": {"anyOf": [{"type": "string"}, {"type": "string", "x-mcp-header": "X"}]}}}"""))
			.singleElement()
			.asString()
			.startsWith("#/properties/a~1b/anyOf/1: ");
	}

	@Test
	void unreachableAnnotationInvalidatesSchemaEvenBesideValidOnes() {
		assertThat(problems("""
				{"properties": {
					"region": {"type": "string", "x-mcp-header": "Region"},
					"tags": {"type": "array", "items": {"type": "string", "x-mcp-header": "Tag"}}
				}}""")).singleElement().asString().startsWith("#/properties/tags/items: ");
	}

	@Test
	void annotationOnRootIsRejected() {
		assertThat(problems("""
				{"type": "string", "x-mcp-header": "Root"}""")).singleElement()
			.asString()
			.isEqualTo("#: x-mcp-header is only allowed on properties, not on the root");
	}

	@Test
	void annotationInDataKeywordsIsNotAnAnnotation() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"a": {"type": "object",
					"default": {"x-mcp-header": "Not A Header"},
					"examples": [{"x-mcp-header": 1}],
					"const": {"x-mcp-header": ""},
					"enum": [{"x-mcp-header": "\\n"}]
				}}}""");
		assertThat(mappings.isEmpty()).isTrue();
	}

	@Test
	void propertyNamedLikeTheAnnotationIsJustAProperty() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"x-mcp-header": {"type": "string"}}}""");
		assertThat(mappings.isEmpty()).isTrue();
	}

	@Test
	void booleanSchemasAreSkipped() {
		assertThat(valid("""
				{"properties": {"a": true, "b": false}, "additionalProperties": false, "items": true}""").isEmpty())
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "My Region", "Region:Primary", "R\u00e9gion", "Region\t1", "Region\r\nX-Injected: 1",
			"Region\n", "(Region)", "Region/1", "Region@", "Region=1", "\"Region\"", "Region,Other", "Region;", "[R]",
			"{R}", "R?", "R\\", "\u0000", "\u007f" })
	void invalidHeaderNamesAreRejected(String name) {
		Map<String, Object> schema = Map.of("properties", Map.of("p", Map.of("type", "string", "x-mcp-header", name)));
		Result result = ToolHeaderMappings.of(schema);
		assertThat(result.isValid()).isFalse();
		assertThat(result.problems()).singleElement().asString().contains("is not a valid header name");
	}

	@Test
	void controlCharactersInRejectedNameAreEscapedInProblem() {
		Map<String, Object> schema = Map.of("properties",
				Map.of("p", Map.of("type", "string", "x-mcp-header", "A\r\nB")));
		assertThat(ToolHeaderMappings.of(schema).problems()).singleElement()
			.asString()
			.contains("A\\u000d\\u000aB")
			.doesNotContain("\r", "\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "42", "true", "null", "[\"Region\"]", "{\"name\": \"Region\"}" })
	void annotationThatIsNotAStringIsRejected(String value) {
		assertThat(problems("""
				{"properties": {"p": {"type": "string", "x-mcp-header": %s}}}""".formatted(value))).singleElement()
			.asString()
			.contains("must be a string");
	}

	@Test
	void duplicateNamesAreRejected() {
		assertThat(problems("""
				{"properties": {
					"a": {"type": "string", "x-mcp-header": "Region"},
					"b": {"type": "string", "x-mcp-header": "Region"}
				}}""")).singleElement()
			.asString()
			.isEqualTo("#/properties/b: x-mcp-header \"Region\" names the same header as the annotation at"
					+ " #/properties/a (header names ignore case)");
	}

	@Test
	void namesThatDifferOnlyInCaseAreDuplicates() {
		assertThat(problems("""
				{"properties": {
					"a": {"type": "string", "x-mcp-header": "Region"},
					"nested": {"properties": {"b": {"type": "integer", "x-mcp-header": "REGION"}}}
				}}""")).singleElement().asString().startsWith("#/properties/nested/properties/b: ");
	}

	@Test
	void everyProblemIsReported() {
		assertThat(problems("""
				{"properties": {
					"a": {"type": "number", "x-mcp-header": "A"},
					"b": {"type": "string", "x-mcp-header": "B C"},
					"c": {"type": "string", "x-mcp-header": "a"},
					"d": {"items": {"x-mcp-header": "D"}}
				}}""")).hasSize(4);
	}

	@Test
	void invalidSchemaHasNoMappings() {
		Result result = ToolHeaderMappings.of(json("""
				{"properties": {"p": {"type": "number", "x-mcp-header": "P"}}}"""));
		assertThatIllegalStateException().isThrownBy(result::mappings).withMessageContaining("#/properties/p");
	}

	@Test
	void nullOrAbsentValuesGiveNoHeader() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {
					"a": {"type": "string", "x-mcp-header": "A"},
					"b": {"type": "string", "x-mcp-header": "B"},
					"o": {"type": "object", "properties": {"c": {"type": "string", "x-mcp-header": "C"}}},
					"n": {"type": "object", "properties": {"d": {"type": "string", "x-mcp-header": "D"}}},
					"s": {"type": "object", "properties": {"e": {"type": "string", "x-mcp-header": "E"}}}
				}}""");
		assertThat(mappings.headersFor(json("""
				{"a": null, "o": {}, "n": null, "s": "not an object"}"""))).isEmpty();
		assertThat(mappings.headersFor(Map.of())).isEmpty();
		assertThat(mappings.headersFor(null)).isEmpty();
	}

	@Test
	void optionalValueGivesHeaderWhenPresent() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"priority": {"type": "string", "x-mcp-header": "Priority"}}, "required": []}""");
		assertThat(mappings.headersFor(Map.of("priority", "high")))
			.containsExactly(Map.entry("Mcp-Param-Priority", "high"));
	}

	@Test
	void valuesThatAreNotPlainAreEncoded() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {
					"greeting": {"type": "string", "x-mcp-header": "Greeting"},
					"text": {"type": "string", "x-mcp-header": "Text"},
					"empty": {"type": "string", "x-mcp-header": "Empty"}
				}}""");
		assertThat(mappings.headersFor(json("""
				{"greeting": "Hello, \u4e16\u754c", "text": " padded ", "empty": ""}"""))).containsExactly(
				Map.entry("Mcp-Param-Greeting", "=?base64?SGVsbG8sIOS4lueVjA==?="),
				Map.entry("Mcp-Param-Text", "=?base64?IHBhZGRlZCA=?="), Map.entry("Mcp-Param-Empty", "=?base64??="));
	}

	@Test
	void integersAreRenderedInDecimal() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"n": {"type": "integer", "x-mcp-header": "N"}}}""");
		assertThat(headerFor(mappings, 42)).isEqualTo("42");
		assertThat(headerFor(mappings, -7L)).isEqualTo("-7");
		assertThat(headerFor(mappings, (short) 3)).isEqualTo("3");
		assertThat(headerFor(mappings, BigInteger.TEN)).isEqualTo("10");
		assertThat(headerFor(mappings, 42.0)).isEqualTo("42");
		assertThat(headerFor(mappings, new BigDecimal("1.000"))).isEqualTo("1");
		assertThat(headerFor(mappings, 9007199254740991L)).isEqualTo("9007199254740991");
		assertThat(headerFor(mappings, -9007199254740991L)).isEqualTo("-9007199254740991");
		assertThat(mappings.headersFor(json("""
				{"n": 12345678901}"""))).containsExactly(Map.entry("Mcp-Param-N", "12345678901"));
	}

	@Test
	void booleansAreRenderedInLowercase() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"flag": {"type": "boolean", "x-mcp-header": "Flag"}}}""");
		assertThat(headerFor(mappings, true)).isEqualTo("true");
		assertThat(headerFor(mappings, Boolean.FALSE)).isEqualTo("false");
	}

	@Test
	void argumentIsMirroredAsItIsWhateverTheDeclaredType() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"n": {"type": "integer", "x-mcp-header": "N"}}}""");
		assertThat(headerFor(mappings, "forty-two")).isEqualTo("forty-two");
		assertThat(headerFor(mappings, true)).isEqualTo("true");
	}

	@Test
	void integersBeyondSafeRangeAreRefused() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"n": {"type": "integer", "x-mcp-header": "N"}}}""");
		assertThatIllegalArgumentException().isThrownBy(() -> mappings.headersFor(Map.of("n", 9007199254740992L)))
			.withMessageContaining("Mcp-Param-N")
			.withMessageContaining("range");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> mappings.headersFor(Map.of("n", BigInteger.TWO.pow(64).negate())));
		assertThatIllegalArgumentException().isThrownBy(() -> mappings.headersFor(Map.of("n", 1e300)));
	}

	@Test
	void valuesAHeaderCannotCarryAreRefused() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"n": {"type": "integer", "x-mcp-header": "N"}}}""");
		assertThatIllegalArgumentException().isThrownBy(() -> mappings.headersFor(Map.of("n", 1.5)))
			.withMessageContaining("not an integer");
		assertThatIllegalArgumentException().isThrownBy(() -> mappings.headersFor(Map.of("n", Double.NaN)));
		assertThatIllegalArgumentException().isThrownBy(() -> mappings.headersFor(Map.of("n", List.of(1))))
			.withMessageContaining("'n'");
		assertThatIllegalArgumentException().isThrownBy(() -> mappings.headersFor(Map.of("n", Map.of())));
	}

	@Test
	void mappingPathIsCopied() {
		List<String> path = new ArrayList<>(List.of("a"));
		Mapping mapping = new Mapping(path, "A");
		path.add("b");
		assertThat(mapping.path()).containsExactly("a");
	}

	@Test
	void argumentsMayHoldNullValues() {
		ToolHeaderMappings mappings = valid("""
				{"properties": {"a": {"type": "string", "x-mcp-header": "A"}}}""");
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("a", null);
		arguments.put("other", null);
		assertThat(mappings.headersFor(arguments)).isEmpty();
	}

	private static String headerFor(ToolHeaderMappings mappings, Object value) {
		String name = mappings.mappings().get(0).path().get(0);
		return mappings.headersFor(Map.of(name, value)).values().iterator().next();
	}

	private static ToolHeaderMappings valid(String schema) {
		Result result = ToolHeaderMappings.of(json(schema));
		assertThat(result.problems()).isEmpty();
		return result.mappings();
	}

	private static List<String> problems(String schema) {
		Result result = ToolHeaderMappings.of(json(schema));
		assertThat(result.isValid()).isFalse();
		return result.problems();
	}

	private static Map<String, Object> json(String json) {
		return mapper.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

}
