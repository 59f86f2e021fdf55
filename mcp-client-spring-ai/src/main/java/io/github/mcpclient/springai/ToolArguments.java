package io.github.mcpclient.springai;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the arguments a model wrote for a tool: a JSON object whose values reach the
 * server as they were written. Floating-point numbers are kept as decimals so that no
 * digit is lost or added on the way, and {@code null}s stay.
 */
final class ToolArguments {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private ToolArguments() {
	}

	/**
	 * Parse the arguments.
	 * @param input what the model wrote; blank means no arguments
	 * @return the arguments, in the model's order
	 * @throws IllegalArgumentException if the input is not one JSON object
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> parse(String input) {
		if (input.isBlank()) {
			return new LinkedHashMap<>();
		}
		Object value;
		try {
			value = json.readValue(input, Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The tool arguments are not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!(value instanceof Map<?, ?> arguments)) {
			throw new IllegalArgumentException("The tool arguments must be a JSON object, not: " + abbreviate(input));
		}
		return (Map<String, Object>) arguments;
	}

	private static String abbreviate(String input) {
		String trimmed = input.strip();
		return (trimmed.length() <= 80) ? trimmed : trimmed.substring(0, 80) + "...";
	}

}
