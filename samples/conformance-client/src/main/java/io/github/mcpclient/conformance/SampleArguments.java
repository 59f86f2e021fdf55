package io.github.mcpclient.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpclient.protocol.PromptArgument;
import org.jspecify.annotations.Nullable;

/**
 * The arguments a user would fill in before calling a tool or getting a prompt: a value
 * for each required parameter, the first of its {@code enum} if it declares one, and
 * nothing for optional ones.
 */
final class SampleArguments {

	private SampleArguments() {
	}

	static Map<String, Object> forSchema(Map<String, Object> inputSchema) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		if (!(inputSchema.get("properties") instanceof Map<?, ?> properties)
				|| !(inputSchema.get("required") instanceof List<?> required)) {
			return arguments;
		}
		for (Object name : required) {
			Object property = properties.get(name);
			arguments.put(String.valueOf(name), (property instanceof Map<?, ?> schema) ? valueFor(schema) : "example");
		}
		return arguments;
	}

	static Map<String, String> forPrompt(@Nullable List<PromptArgument> declared) {
		Map<String, String> arguments = new LinkedHashMap<>();
		if (declared != null) {
			declared.stream()
				.filter((argument) -> Boolean.TRUE.equals(argument.required()))
				.forEach((argument) -> arguments.put(argument.name(), "example"));
		}
		return arguments;
	}

	private static Object valueFor(Map<?, ?> schema) {
		if (schema.get("enum") instanceof List<?> values && !values.isEmpty() && values.get(0) != null) {
			return values.get(0);
		}
		Object type = schema.get("type");
		if ("integer".equals(type) || "number".equals(type)) {
			return 1;
		}
		if ("boolean".equals(type)) {
			return true;
		}
		if ("object".equals(type)) {
			return Map.of();
		}
		if ("array".equals(type)) {
			return List.of();
		}
		return "example";
	}

}
