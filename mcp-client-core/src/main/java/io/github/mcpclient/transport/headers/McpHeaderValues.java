package io.github.mcpclient.transport.headers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encoding of the values that the 2026-07-28 Streamable HTTP transport copies from a
 * request body into {@code Mcp-Name} and {@code Mcp-Param-*} headers.
 * <p>
 * A value goes out unchanged when an HTTP field value can carry it exactly. Anything else
 * is sent as {@code =?base64?…?=} around the standard Base64 (with padding) of its UTF-8
 * bytes, so that no character can break the header section and no whitespace is lost to
 * the trimming that HTTP parsers do.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#value-encoding">Value
 * Encoding</a>
 * @since 0.1.0
 */
public final class McpHeaderValues {

	/** The marker that starts an encoded value; lowercase and case-sensitive. */
	public static final String ENCODED_PREFIX = "=?base64?";

	/** The marker that ends an encoded value. */
	public static final String ENCODED_SUFFIX = "?=";

	private McpHeaderValues() {
	}

	/**
	 * Return the form in which the given value is sent as a header value.
	 * @param value the value from the request body
	 * @return the value itself if {@link #isPlain(String) it is plain}, otherwise its
	 * encoded form
	 */
	public static String encode(String value) {
		if (isPlain(value)) {
			return value;
		}
		return ENCODED_PREFIX + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
				+ ENCODED_SUFFIX;
	}

	/**
	 * Return whether the given value may be sent as it is. That is the case when it is
	 * not empty, consists of printable ASCII characters (space included), neither starts
	 * nor ends with a space, and does not look like an encoded value.
	 * <p>
	 * HTTP would also allow a horizontal tab inside a value, but the specification counts
	 * it among the control characters that call for encoding, and a server decodes either
	 * form to the same text. An empty value is encoded because some intermediaries drop
	 * empty header fields, which would leave the server seeing a value in the body and
	 * none in the headers.
	 * @param value the value from the request body
	 * @return whether the value needs no encoding
	 */
	public static boolean isPlain(String value) {
		if (value.isEmpty() || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		// A literal value that happens to look encoded would be decoded by the server.
		return !(value.startsWith(ENCODED_PREFIX) && value.endsWith(ENCODED_SUFFIX));
	}

	/**
	 * Return the value that a received header value stands for: the decoded text of an
	 * encoded value, or the header value itself when it is not encoded. A value counts as
	 * encoded only when it starts and ends with the exact lowercase markers; anything
	 * else, such as {@code =?BASE64?…?=}, is taken literally.
	 * @param headerValue the header value as HTTP parsing left it, without surrounding
	 * whitespace
	 * @return the value it stands for
	 * @throws IllegalArgumentException if the value is encoded but its content is not
	 * padded standard Base64 of valid UTF-8
	 */
	public static String decode(String headerValue) {
		int markers = ENCODED_PREFIX.length() + ENCODED_SUFFIX.length();
		if (headerValue.length() < markers || !headerValue.startsWith(ENCODED_PREFIX)
				|| !headerValue.endsWith(ENCODED_SUFFIX)) {
			return headerValue;
		}
		String content = headerValue.substring(ENCODED_PREFIX.length(), headerValue.length() - ENCODED_SUFFIX.length());
		// The JDK decoder accepts missing padding; an encoder that omits it is broken
		// enough that the value should not be trusted.
		if (content.length() % 4 != 0) {
			throw new IllegalArgumentException("Encoded header value is not padded Base64: " + headerValue);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(content);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Encoded header value is not valid Base64: " + headerValue, ex);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("Encoded header value is not UTF-8: " + headerValue, ex);
		}
	}

}
