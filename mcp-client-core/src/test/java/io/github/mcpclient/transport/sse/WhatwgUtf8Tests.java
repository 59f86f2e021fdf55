package io.github.mcpclient.transport.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WhatwgUtf8}.
 */
class WhatwgUtf8Tests {

	private static final String REPLACEMENT = "\uFFFD";

	@Test
	void decodesSequencesOfEveryLength() {
		String text = "a\u0080\u00e9\u07ff\u0800\u20ac\ud7ff\ue000\uffff\uD800\uDC00\uD83D\uDE00\uDBFF\uDFFF";
		assertThat(decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
	}

	@Test
	void decodesOnlyTheGivenRange() {
		byte[] bytes = utf8("xx\u00e9\u20acyy");
		assertThat(WhatwgUtf8.decode(bytes, 2, bytes.length - 2)).isEqualTo("\u00e9\u20ac");
		assertThat(WhatwgUtf8.decode(bytes, 3, 3)).isEmpty();
	}

	@Test
	void appendsToTarget() {
		StringBuilder target = new StringBuilder("a\n");
		byte[] bytes = utf8("b\u00e9");
		WhatwgUtf8.decode(bytes, 0, bytes.length, target);
		assertThat(target).hasToString("a\nb\u00e9");
	}

	@Test
	void keepsByteOrderMarkAsText() {
		// Only the stream's first line loses its mark, and the parser decides which line
		// that is.
		assertThat(decode(bytes(0xEF, 0xBB, 0xBF, 'a'))).isEqualTo("\uFEFFa");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xF8, 0xFE, 0xFF })
	void replacesByteThatCannotStartASequence(int value) {
		assertThat(decode(bytes('a', value, 'b'))).isEqualTo("a" + REPLACEMENT + "b");
	}

	@Test
	void replacesEachInvalidByteWithReplacementCharacter() {
		byte[] bytes = bytes('a', 0xFF, ' ', 'b', 0xC3, ' ', 'c', 0x80);
		assertThat(decode(bytes)).isEqualTo("a\uFFFD b\uFFFD c\uFFFD");
	}

	@Test
	void replacesSequenceTruncatedByEndOfInputWithOneReplacementCharacter() {
		assertThat(decode(bytes(0xC3))).isEqualTo(REPLACEMENT);
		assertThat(decode(bytes(0xE2, 0x82))).isEqualTo(REPLACEMENT);
		assertThat(decode(bytes(0xF0, 0x9F, 0x98))).isEqualTo(REPLACEMENT);
	}

	@Test
	void replacesSequenceCutShortAndDecodesTheByteThatCutIt() {
		assertThat(decode(bytes(0xE2, 0x82, 'a'))).isEqualTo(REPLACEMENT + "a");
		assertThat(decode(bytes(0xF0, 0x9F, 0xC3, 0xA9))).isEqualTo(REPLACEMENT + "\u00e9");
		assertThat(decode(bytes(0xC3, '\n'))).isEqualTo(REPLACEMENT + "\n");
	}

	@Test
	void replacesEachByteOfEncodedSurrogate() {
		assertThat(decode(bytes(0xED, 0xA0, 0x80))).isEqualTo(REPLACEMENT.repeat(3));
		assertThat(decode(bytes(0xED, 0xBF, 0xBF))).isEqualTo(REPLACEMENT.repeat(3));
		assertThat(decode(bytes(0xED, 0x9F, 0xBF))).isEqualTo("\ud7ff");
	}

	@Test
	void keepsAReplacementCharacterTheTextHoldsBesideThoseForInvalidBytes() {
		assertThat(decode(bytes(0xEF, 0xBF, 0xBD))).isEqualTo(REPLACEMENT);
		assertThat(decode(bytes('a', 0xEF, 0xBF, 0xBD, 0xED, 0xA0, 0x80, 'b')))
			.isEqualTo("a" + REPLACEMENT.repeat(4) + "b");
	}

	@Test
	void replacesEachByteOfOverlongEncoding() {
		assertThat(decode(bytes(0xC0, 0xAF))).isEqualTo(REPLACEMENT.repeat(2));
		assertThat(decode(bytes(0xE0, 0x80, 0xAF))).isEqualTo(REPLACEMENT.repeat(3));
		assertThat(decode(bytes(0xE0, 0x9F, 0xBF))).isEqualTo(REPLACEMENT.repeat(3));
		assertThat(decode(bytes(0xF0, 0x8F, 0xBF, 0xBF))).isEqualTo(REPLACEMENT.repeat(4));
	}

	@Test
	void replacesEachByteOfCodePointAboveUnicodeRange() {
		assertThat(decode(bytes(0xF4, 0x90, 0x80, 0x80))).isEqualTo(REPLACEMENT.repeat(4));
		assertThat(decode(bytes(0xF4, 0x8F, 0xBF, 0xBF))).isEqualTo("\uDBFF\uDFFF");
	}

	// The JDK's decoder follows the same replacement rules except for encoded
	// surrogates, so on everything else it is an independent second opinion.
	@Test
	void agreesWithJdkDecoderOnRandomBytesWithoutEncodedSurrogates() {
		Random random = new Random(0);
		for (int i = 0; i < 20_000; i++) {
			byte[] bytes = new byte[random.nextInt(10)];
			for (int j = 0; j < bytes.length; j++) {
				int value;
				do {
					// Weighted towards the bytes that make up and break multi-byte
					// sequences.
					value = switch (random.nextInt(3)) {
						case 0 -> random.nextInt(0x80);
						case 1 -> random.nextInt(0x80, 0xC0);
						default -> random.nextInt(0xC0, 0x100);
					};
				}
				while (value == 0xED);
				bytes[j] = (byte) value;
			}
			assertThat(decode(bytes)).as("bytes %s", HexFormat.of().formatHex(bytes))
				.isEqualTo(new String(bytes, StandardCharsets.UTF_8));
		}
	}

	// Long ASCII runs take a block copy; what surrounds them must decode as before.
	@Test
	void decodesLongAsciiRunsAroundOtherBytesLikeJdkDecoder() {
		Random random = new Random(1);
		for (int i = 0; i < 5_000; i++) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			for (int part = random.nextInt(1, 5); part > 0; part--) {
				int run = random.nextInt(40);
				for (int j = 0; j < run; j++) {
					bytes.write(random.nextInt(0x20, 0x7F));
				}
				int value;
				do {
					value = random.nextInt(0x80, 0x100);
				}
				while (value == 0xED);
				bytes.write(value);
			}
			byte[] input = bytes.toByteArray();
			assertThat(decode(input)).as("bytes %s", HexFormat.of().formatHex(input))
				.isEqualTo(new String(input, StandardCharsets.UTF_8));
		}
	}

	@Test
	void appendsLongAsciiRunAfterExistingText() {
		StringBuilder target = new StringBuilder("\u00e9");
		byte[] bytes = utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\u20ac");
		WhatwgUtf8.decode(bytes, 0, bytes.length, target);
		assertThat(target).hasToString("\u00e9{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\u20ac");
	}

	@Test
	void skipsByteOrderMarkAtStart() {
		byte[] bytes = bytes('x', 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 'a');
		assertThat(WhatwgUtf8.skipByteOrderMark(bytes, 1, bytes.length)).isEqualTo(4);
		assertThat(WhatwgUtf8.skipByteOrderMark(bytes, 1, 4)).isEqualTo(4);
	}

	@Test
	void doesNotSkipAnythingElse() {
		byte[] bytes = bytes(0xEF, 0xBB, 0xBE, 'a');
		assertThat(WhatwgUtf8.skipByteOrderMark(bytes, 0, bytes.length)).isZero();
		assertThat(WhatwgUtf8.skipByteOrderMark(utf8("\uFEFF"), 0, 2)).isZero();
		assertThat(WhatwgUtf8.skipByteOrderMark(utf8("a\uFEFF"), 0, 4)).isZero();
		assertThat(WhatwgUtf8.skipByteOrderMark(new byte[0], 0, 0)).isZero();
	}

	private static String decode(byte[] bytes) {
		return WhatwgUtf8.decode(bytes, 0, bytes.length);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
