package io.github.mcpclient.protocol;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test support that works with a mapper carrying no customisation at all, because the
 * payload types must not depend on how the application configured Jackson.
 */
final class PayloadJson {

	static final JsonMapper mapper = JsonMapper.builder().build();

	private PayloadJson() {
	}

	static <T> T read(String json, Class<T> type) {
		return mapper.readValue(json, type);
	}

	static String write(Object value) {
		return mapper.writeValueAsString(value);
	}

	// Going through the written text (rather than valueToTree) checks what actually goes
	// over the wire and makes Long/Integer nodes compare equal to parsed numbers
	static void assertWrites(Object value, String expectedJson) {
		JsonNode expected = mapper.readTree(expectedJson);
		JsonNode actual = mapper.readTree(write(value));
		assertThat(actual).isEqualTo(expected);
	}

	static <T> T roundTrip(T value, Class<? super T> type) {
		@SuppressWarnings("unchecked")
		T copy = (T) read(write(value), type);
		return copy;
	}

}
