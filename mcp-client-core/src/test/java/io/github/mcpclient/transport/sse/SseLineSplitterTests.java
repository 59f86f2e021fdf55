package io.github.mcpclient.transport.sse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.mcpclient.exception.SseLimitExceededException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SseLineSplitter}.
 */
class SseLineSplitterTests {

	private static final int LIMIT = 8;

	private final List<String> lines = new ArrayList<>();

	private final List<byte[]> arrays = new ArrayList<>();

	private int eventBytes;

	private SseLineSplitter splitter = new SseLineSplitter(LIMIT, () -> this.eventBytes);

	@Test
	void splitsAtLineFeedCarriageReturnAndCarriageReturnLineFeed() {
		feed("a\nb\rc\r\nd\n");
		assertThat(this.lines).containsExactly("a", "b", "c", "d");
	}

	@Test
	void handsOverBlankLinesAsEmptyLines() {
		feed("\n\r\n\r");
		assertThat(this.lines).containsExactly("", "", "");
	}

	@Test
	void readsACarriageReturnEndingAChunkAndALineFeedStartingTheNextAsOneBreak() {
		feed("a\r", "\nb\n");
		assertThat(this.lines).containsExactly("a", "b");
	}

	@Test
	void keepsACarriageReturnAndALineFeedTogetherAcrossAnEmptyChunk() {
		feed("a\r", "", "\nb\n");
		assertThat(this.lines).containsExactly("a", "b");
	}

	@Test
	void readsACarriageReturnEndingAChunkAsABreakOfItsOwnWhenNoLineFeedFollows() {
		feed("a\r", "b\n", "c\r", "\r\n");
		assertThat(this.lines).containsExactly("a", "b", "c", "");
	}

	@Test
	void readsALineFeedAfterALineFeedEndingAChunkAsAnotherBreak() {
		feed("a\n", "\nb\n");
		assertThat(this.lines).containsExactly("a", "", "b");
	}

	@Test
	void findsALineBreakAtEveryPositionOfALongLineAmongBytesThatOnlyResembleOne() {
		// Bytes one bit away from CR or LF, and the same with the high bit set, around a
		// break placed at each offset the splitter may read a word from.
		byte[] lookalikes = { 0x0B, 0x0C, 0x0E, 0x08, 0x09, 0x2A, 0x2D, (byte) 0x8A, (byte) 0x8D, (byte) 0xCA,
				(byte) 0xE2, (byte) 0x82, (byte) 0xAC, 0x00, 0x7F, (byte) 0xFF };
		for (byte lineBreak : new byte[] { '\n', '\r' }) {
			for (int length = 0; length < 40; length++) {
				for (int offset = 0; offset < 9; offset++) {
					byte[] bytes = new byte[offset + length + 20];
					for (int i = 0; i < bytes.length; i++) {
						bytes[i] = lookalikes[(i * 7 + length) % lookalikes.length];
					}
					bytes[offset + length] = lineBreak;
					assertThat(SseLineSplitter.indexOfLineBreak(bytes, offset, bytes.length))
						.as("break after %d bytes from offset %d", length, offset)
						.isEqualTo(offset + length);
					assertThat(SseLineSplitter.indexOfLineBreak(bytes, offset, offset + length)).isEqualTo(-1);
				}
			}
		}
	}

	@Test
	void findsTheFirstOfSeveralLineBreaksInOneWord() {
		assertThat(SseLineSplitter.indexOfLineBreak(ascii("abc\r\n\nxyz"), 0, 10)).isEqualTo(3);
		assertThat(SseLineSplitter.indexOfLineBreak(ascii("abcde\n\rxyzabcdef"), 0, 16)).isEqualTo(5);
		assertThat(SseLineSplitter.indexOfLineBreak(ascii("\n\n\n\n\n\n\n\n\n"), 1, 9)).isEqualTo(1);
	}

	@Test
	void splitsLongLinesWithEveryKindOfBreakAcrossEveryChunkBoundary() {
		String stream = "data: " + "x".repeat(21) + "\r\n" + "y".repeat(13) + "\r" + "\r\n" + "z".repeat(30) + "\n\n";
		List<String> whole = split(stream, stream.length());
		assertThat(whole).containsExactly("data: " + "x".repeat(21), "y".repeat(13), "", "z".repeat(30), "");
		for (int chunk = 1; chunk < stream.length(); chunk++) {
			assertThat(split(stream, chunk)).as("chunks of %d", chunk).isEqualTo(whole);
		}
	}

	private static List<String> split(String stream, int chunk) {
		List<String> lines = new ArrayList<>();
		SseLineSplitter splitter = new SseLineSplitter(1024, () -> 0);
		byte[] bytes = ascii(stream);
		for (int i = 0; i < bytes.length; i += chunk) {
			splitter.split(bytes, i, Math.min(bytes.length, i + chunk),
					(line, start, end) -> lines.add(new String(line, start, end - start, StandardCharsets.US_ASCII)));
		}
		return lines;
	}

	@Test
	void holdsAnUnterminatedLineUntilAChunkEndsIt() {
		feed("on", "e l", "ine");
		assertThat(this.lines).isEmpty();
		feed("\rnext\n");
		assertThat(this.lines).containsExactly("one line", "next");
	}

	@Test
	void splitsOnlyTheGivenRangeOfTheArray() {
		byte[] bytes = ascii("xxab\ncdyy");
		this.splitter.split(bytes, 2, 7, this::collect);
		assertThat(this.lines).containsExactly("ab");
		feed("\n");
		assertThat(this.lines).containsExactly("ab", "cd");
	}

	@Test
	void handsOverALineThatEndsInItsChunkStraightFromThatChunk() {
		byte[] chunk = ascii("a\nb");
		this.splitter.split(chunk, 0, chunk.length, this::collect);
		feed("c\n");
		assertThat(this.lines).containsExactly("a", "bc");
		assertThat(this.arrays.get(0)).isSameAs(chunk);
		assertThat(this.arrays.get(1)).isNotSameAs(chunk);
	}

	@Test
	void handsOverALongLineHeldAcrossManyChunksWhole() {
		this.splitter = new SseLineSplitter(1024 * 1024, () -> 0);
		String line = "x".repeat(100_000);
		for (int i = 0; i < line.length(); i += 1000) {
			feed(line.substring(i, i + 1000));
		}
		feed("\nshort", "\n");
		assertThat(this.lines).containsExactly(line, "short");
	}

	@Test
	void finishDropsAnUnterminatedLineAndACarriageReturnWaitingForItsLineFeed() {
		feed("a\rpartial");
		this.splitter.finish();
		feed("\n");
		assertThat(this.lines).containsExactly("a", "");
	}

	@Test
	void acceptsALineAsLongAsTheLimitWithoutCountingItsTerminator() {
		feed("12345678\r\n", "1234", "5678\n");
		assertThat(this.lines).containsExactly("12345678", "12345678");
	}

	@Test
	void rejectsALineLongerThanTheLimitBeforeHandingItOver() {
		assertThatExceptionOfType(SseLimitExceededException.class).isThrownBy(() -> feed("123456789\n"))
			.satisfies((ex) -> assertThat(ex.getMaxEventBytes()).isEqualTo(LIMIT));
		assertThat(this.lines).isEmpty();
	}

	@Test
	void rejectsAnUnterminatedLineAsSoonAsItGrowsBeyondTheLimit() {
		feed("12345");
		assertThatExceptionOfType(SseLimitExceededException.class).isThrownBy(() -> feed("6789"));
	}

	@Test
	void countsWhatTheEventTakesWhenTheLineArrivesAgainstTheLimit() {
		feed("12345678\n");
		this.eventBytes = 5;
		feed("123\n", "12", "3");
		assertThatExceptionOfType(SseLimitExceededException.class).isThrownBy(() -> feed("4"));
		assertThat(this.lines).containsExactly("12345678", "123");
	}

	private void feed(String... chunks) {
		for (String chunk : chunks) {
			byte[] bytes = ascii(chunk);
			this.splitter.split(bytes, 0, bytes.length, this::collect);
		}
	}

	private void collect(byte[] bytes, int start, int end) {
		this.arrays.add(bytes);
		this.lines.add(new String(bytes, start, end - start, StandardCharsets.US_ASCII));
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
