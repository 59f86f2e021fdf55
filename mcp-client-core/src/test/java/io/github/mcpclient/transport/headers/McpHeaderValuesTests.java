package io.github.mcpclient.transport.headers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link McpHeaderValues}.
 */
class McpHeaderValuesTests {

	@ParameterizedTest
	@ValueSource(strings = { "us-west1", "us west 1", "get_weather", "file:///path/to/file%20name.txt",
			"https://example.com/resource?id=123", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "x", "=?base64?", "?=",
			"=?base64?abc", "abc?=", "=?BASE64?SGVsbG8=?=" })
	void plainAsciiIsSentUnchanged(String value) {
		assertThat(McpHeaderValues.isPlain(value)).isTrue();
		assertThat(McpHeaderValues.encode(value)).isSameAs(value);
	}

	@Test
	void nonAsciiIsEncoded() {
		assertThat(McpHeaderValues.encode("Hello, \u4e16\u754c")).isEqualTo("=?base64?SGVsbG8sIOS4lueVjA==?=");
		assertThat(McpHeaderValues.encode("\u65e5\u672c\u8a9e")).isEqualTo("=?base64?5pel5pys6Kqe?=");
		assertThat(McpHeaderValues.encode("caf\u00e9")).isEqualTo(wrapped("caf\u00e9"));
		assertThat(McpHeaderValues.encode("\uD83D\uDE00")).isEqualTo(wrapped("\uD83D\uDE00"));
	}

	@Test
	void leadingOrTrailingSpaceIsEncoded() {
		assertThat(McpHeaderValues.encode(" padded ")).isEqualTo("=?base64?IHBhZGRlZCA=?=");
		assertThat(McpHeaderValues.encode(" us-west1")).isEqualTo("=?base64?IHVzLXdlc3Qx?=");
		assertThat(McpHeaderValues.encode("us-west1 ")).isEqualTo("=?base64?dXMtd2VzdDEg?=");
		assertThat(McpHeaderValues.encode(" us-west1 ")).isEqualTo("=?base64?IHVzLXdlc3QxIA==?=");
		assertThat(McpHeaderValues.encode(" ")).isEqualTo(wrapped(" "));
	}

	@Test
	void lineBreaksAreEncoded() {
		assertThat(McpHeaderValues.encode("line1\nline2")).isEqualTo("=?base64?bGluZTEKbGluZTI=?=");
		assertThat(McpHeaderValues.encode("line1\r\nline2")).isEqualTo("=?base64?bGluZTENCmxpbmUy?=");
		assertThat(McpHeaderValues.encode("a\rb")).isEqualTo(wrapped("a\rb"));
	}

	@Test
	void tabAnywhereIsEncoded() {
		assertThat(McpHeaderValues.encode("\tindented")).isEqualTo("=?base64?CWluZGVudGVk?=");
		assertThat(McpHeaderValues.encode("trailing\t")).isEqualTo(wrapped("trailing\t"));
		assertThat(McpHeaderValues.encode("a\tb")).isEqualTo("=?base64?YQli?=");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x9F, 0xA0 })
	void otherControlAndNonAsciiCharactersAreEncoded(int c) {
		String value = "a" + (char) c + "b";
		assertThat(McpHeaderValues.isPlain(value)).isFalse();
		assertThat(McpHeaderValues.encode(value)).isEqualTo(wrapped(value));
	}

	@Test
	void emptyValueIsEncoded() {
		assertThat(McpHeaderValues.isPlain("")).isFalse();
		assertThat(McpHeaderValues.encode("")).isEqualTo("=?base64??=");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=?base64?literal?=", "=?base64?SGVsbG8=?=", "=?base64??=", "=?base64?=" })
	void valueThatLooksEncodedIsEncoded(String value) {
		assertThat(McpHeaderValues.isPlain(value)).isFalse();
		assertThat(McpHeaderValues.encode(value)).isEqualTo(wrapped(value));
	}

	@Test
	void literalThatLooksEncodedHasSpecifiedForm() {
		assertThat(McpHeaderValues.encode("=?base64?literal?=")).isEqualTo("=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=");
	}

	@ParameterizedTest
	@ValueSource(strings = { "us-west1", "", " padded ", "line1\r\nline2", "\tx\t", "Hello, \u4e16\u754c",
			"=?base64?literal?=", "=?base64??=", "\uD83D\uDE00 \u0000" })
	void decodeReversesEncode(String value) {
		assertThat(McpHeaderValues.decode(McpHeaderValues.encode(value))).isEqualTo(value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "=?base64?SGVsbG8=?=|Hello", "=?base64??=|''" })
	void decodesEncodedValue(String headerValue, String expected) {
		assertThat(McpHeaderValues.decode(headerValue)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "SGVsbG8=", "=?base64?SGVsbG8=", "SGVsbG8=?=", "=?BASE64?SGVsbG8=?=",
			"=?Base64?SGVsbG8=?=", "=?base64?=", "plain value" })
	void takesValueWithoutExactMarkersLiterally(String headerValue) {
		assertThat(McpHeaderValues.decode(headerValue)).isEqualTo(headerValue);
	}

	@ParameterizedTest
	@ValueSource(strings = { "=?base64?SGVsbG8?=", "=?base64?SGVs!!!bG8=?=", "=?base64?SGVs bG8=?=",
			"=?base64?SGVsbG8_?=", "=?base64?=SGVsbG8?=" })
	void rejectsEncodedValueWithBrokenBase64(String headerValue) {
		assertThatIllegalArgumentException().isThrownBy(() -> McpHeaderValues.decode(headerValue))
			.withMessageContaining("Base64");
	}

	@Test
	void rejectsEncodedValueThatIsNotUtf8() {
		String headerValue = "=?base64?" + Base64.getEncoder().encodeToString(new byte[] { 'a', (byte) 0xC3 }) + "?=";
		assertThatIllegalArgumentException().isThrownBy(() -> McpHeaderValues.decode(headerValue))
			.withMessageContaining("UTF-8");
	}

	private static String wrapped(String value) {
		return "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

}
