package io.github.mcpclient.transport.sse;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 decoder of the WHATWG Encoding Standard, which event streams must be decoded
 * with, applied by {@link SseEventParser} to one line at a time.
 */
final class WhatwgUtf8 {

	private static final char REPLACEMENT_CHARACTER = '\uFFFD';

	// Shorter ASCII runs are appended char by char, cheaper than a temporary string.
	private static final int MIN_BLOCK = 16;

	private WhatwgUtf8() {
	}

	/**
	 * Return the index of the first byte after a byte order mark at {@code start}. The
	 * decoder drops one such mark at the start of a stream, and only the caller knows
	 * which line that is.
	 * @param bytes the array holding the line
	 * @param start the index of the line's first byte
	 * @param end the index after the line's last byte
	 * @return {@code start + 3} if the line starts with a UTF-8 byte order mark,
	 * otherwise {@code start}
	 */
	static int skipByteOrderMark(byte[] bytes, int start, int end) {
		boolean mark = end - start >= 3 && bytes[start] == (byte) 0xEF && bytes[start + 1] == (byte) 0xBB
				&& bytes[start + 2] == (byte) 0xBF;
		return mark ? start + 3 : start;
	}

	private static int asciiRun(byte[] bytes, int start, int end) {
		int i = start;
		while (i < end && bytes[i] >= 0) {
			i++;
		}
		return i - start;
	}

	/**
	 * Decode the given bytes.
	 * @param bytes the array holding the bytes
	 * @param start the index of the first byte to decode
	 * @param end the index after the last byte to decode
	 * @return the decoded text
	 * @see #decode(byte[], int, int, StringBuilder)
	 */
	static String decode(byte[] bytes, int start, int end) {
		// The JDK's decoder checks for ASCII and decodes valid UTF-8 with intrinsics
		// this loop cannot match, and valid UTF-8 decodes one way only. It replaces each
		// invalid sequence with U+FFFD, though not always as many times as WHATWG does,
		// so text with a U+FFFD in it, valid or not, is decoded again below.
		String decoded = new String(bytes, start, end - start, StandardCharsets.UTF_8);
		if (decoded.indexOf(REPLACEMENT_CHARACTER) == -1) {
			return decoded;
		}
		return decodeByRules(bytes, start, end);
	}

	private static String decodeByRules(byte[] bytes, int start, int end) {
		StringBuilder decoded = new StringBuilder(end - start);
		decode(bytes, start, end, decoded);
		return decoded.toString();
	}

	/**
	 * Decode the given bytes onto the end of {@code target}. Each invalid sequence
	 * becomes one U+FFFD REPLACEMENT CHARACTER, and so does a sequence cut short by
	 * {@code end}.
	 * @param bytes the array holding the bytes
	 * @param start the index of the first byte to decode
	 * @param end the index after the last byte to decode
	 * @param target where to append the decoded text
	 */
	static void decode(byte[] bytes, int start, int end, StringBuilder target) {
		// Written out rather than using the JDK's decoder because, for an encoded
		// surrogate, that one emits fewer replacement characters than WHATWG requires.
		int codePoint = 0;
		int bytesNeeded = 0;
		int bytesSeen = 0;
		int lowerBoundary = 0x80;
		int upperBoundary = 0xBF;
		int i = start;
		while (i < end) {
			int b = bytes[i] & 0xFF;
			if (bytesNeeded == 0 && b < 0x80) {
				// Event streams of JSON are mostly ASCII: copy a run of it at once.
				int run = asciiRun(bytes, i, end);
				if (run >= MIN_BLOCK) {
					target.append(new String(bytes, i, run, StandardCharsets.ISO_8859_1));
				}
				else {
					for (int j = i; j < i + run; j++) {
						target.append((char) bytes[j]);
					}
				}
				i += run;
			}
			else if (bytesNeeded == 0) {
				i++;
				if (b >= 0xC2 && b <= 0xDF) {
					bytesNeeded = 1;
					codePoint = b & 0x1F;
				}
				else if (b >= 0xE0 && b <= 0xEF) {
					// Narrowed second bytes rule out overlong forms and encoded
					// surrogates.
					lowerBoundary = (b == 0xE0) ? 0xA0 : 0x80;
					upperBoundary = (b == 0xED) ? 0x9F : 0xBF;
					bytesNeeded = 2;
					codePoint = b & 0x0F;
				}
				else if (b >= 0xF0 && b <= 0xF4) {
					// Likewise for overlong forms and code points above U+10FFFF.
					lowerBoundary = (b == 0xF0) ? 0x90 : 0x80;
					upperBoundary = (b == 0xF4) ? 0x8F : 0xBF;
					bytesNeeded = 3;
					codePoint = b & 0x07;
				}
				else {
					target.append(REPLACEMENT_CHARACTER);
				}
			}
			else if (b < lowerBoundary || b > upperBoundary) {
				// The byte is left unread: it may well start the next sequence.
				bytesNeeded = 0;
				bytesSeen = 0;
				lowerBoundary = 0x80;
				upperBoundary = 0xBF;
				target.append(REPLACEMENT_CHARACTER);
			}
			else {
				i++;
				lowerBoundary = 0x80;
				upperBoundary = 0xBF;
				codePoint = (codePoint << 6) | (b & 0x3F);
				bytesSeen++;
				if (bytesSeen == bytesNeeded) {
					target.appendCodePoint(codePoint);
					bytesNeeded = 0;
					bytesSeen = 0;
				}
			}
		}
		if (bytesNeeded != 0) {
			target.append(REPLACEMENT_CHARACTER);
		}
	}

}
