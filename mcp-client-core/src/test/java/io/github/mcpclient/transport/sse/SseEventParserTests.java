package io.github.mcpclient.transport.sse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.mcpclient.exception.SseLimitExceededException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SseEventParser}.
 */
class SseEventParserTests {

	private static final int LIMIT = 64 * 1024;

	private final SseEventParser parser = new SseEventParser(LIMIT);

	@Test
	void parsesSimpleEvent() {
		assertThat(feed("data: hello\n\n")).containsExactly(event(null, "message", "hello"));
	}

	@Test
	void eventIsDispatchedOnlyAtBlankLine() {
		assertThat(feed("data: hello\n")).isEmpty();
		assertThat(feed("\n")).containsExactly(event(null, "message", "hello"));
	}

	@Test
	void joinsDataLinesWithLineFeed() {
		assertThat(feed("data: a\ndata: b\ndata:\ndata: c\n\n")).extracting(SseEvent::data)
			.containsExactly("a\nb\n\nc");
	}

	@Test
	void ignoresComments() {
		assertThat(feed(": keep-alive\ndata: x\n:data: y\n\n")).extracting(SseEvent::data).containsExactly("x");
		assertThat(feed(":\n\n: ping\n\n")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r", "\r\n" })
	void acceptsEveryLineEnding(String eol) {
		String stream = "event: e" + eol + "data: 1" + eol + "data: 2" + eol + eol + "data: 3" + eol + eol;
		assertThat(feed(stream)).containsExactly(event(null, "e", "1\n2"), event(null, "message", "3"));
	}

	@Test
	void acceptsMixedLineEndings() {
		assertThat(feed("data: 1\rdata: 2\ndata: 3\r\n\rdata: 4\n\r\n")).extracting(SseEvent::data)
			.containsExactly("1\n2\n3", "4");
	}

	@Test
	void crAndLfSplitAcrossChunksAreOneLineBreak() {
		assertThat(feed("data: a\r")).isEmpty();
		assertThat(feed("\ndata: b\r\n")).isEmpty();
		assertThat(feed("\r")).containsExactly(event(null, "message", "a\nb"));
		assertThat(feed("\ndata: c\n\n")).containsExactly(event(null, "message", "c"));
	}

	@Test
	void crAndLfSeparatedByEmptyChunkAreOneLineBreak() {
		assertThat(feed("data: a\r")).isEmpty();
		assertThat(this.parser.feed(new byte[0], 0, 0)).isEmpty();
		assertThat(feed("\ndata: b\n\n")).containsExactly(event(null, "message", "a\nb"));
	}

	@Test
	void crAtEndOfChunkFollowedByOtherByteIsALineBreak() {
		assertThat(feed("data: a\r")).isEmpty();
		assertThat(feed("data: b\r\r")).containsExactly(event(null, "message", "a\nb"));
	}

	@Test
	void splittingAtAnyOneOrTwoBytePositionsGivesSameEvents() {
		byte[] stream = utf8("\uFEFFid: 1\r\nevent: greet\r\ndata: h\u00e9llo \u20ac\r\ndata: \uD83D\uDE00\r\n\r\n"
				+ ": comment\rretry: 250\rdata: second\r\rdata: third\n\n");
		List<SseEvent> expected = List.of(new SseEvent("1", "greet", "h\u00e9llo \u20ac\n\uD83D\uDE00", null),
				new SseEvent("1", "message", "second", 250L), new SseEvent("1", "message", "third", null));
		assertThat(parseInChunks(stream)).isEqualTo(expected);
		for (int first = 0; first <= stream.length; first++) {
			assertThat(parseInChunks(stream, first)).as("cut at %d", first).isEqualTo(expected);
			for (int second = first; second <= stream.length; second++) {
				assertThat(parseInChunks(stream, first, second)).as("cuts at %d and %d", first, second)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void parsesStreamFedOneByteAtATime() {
		byte[] stream = utf8("id: 7\r\ndata: \u00fcber\r\n\r\nevent: x\rdata: y\r\r");
		List<SseEvent> events = new ArrayList<>();
		for (int i = 0; i < stream.length; i++) {
			events.addAll(this.parser.feed(stream, i, 1));
		}
		assertThat(events).containsExactly(new SseEvent("7", "message", "\u00fcber", null),
				new SseEvent("7", "x", "y", null));
	}

	@Test
	void decodesMultiByteCharactersSplitAcrossChunks() {
		String text = "\u00e9\u20ac\uD83D\uDE00\u4e2d";
		byte[] stream = utf8("data: " + text + "\n\n");
		for (int cut = 6; cut < stream.length - 2; cut++) {
			assertThat(parseInChunks(stream, cut)).as("cut at %d", cut)
				.extracting(SseEvent::data)
				.containsExactly(text);
		}
	}

	@Test
	void skipsByteOrderMarkAtStartOfStream() {
		assertThat(feed("\uFEFFdata: x\n\n")).extracting(SseEvent::data).containsExactly("x");
	}

	@Test
	void skipsByteOrderMarkSplitAcrossChunks() {
		byte[] stream = utf8("\uFEFFdata: x\n\n");
		assertThat(parseInChunks(stream, 1, 2)).extracting(SseEvent::data).containsExactly("x");
	}

	@Test
	void skipsOnlyOneByteOrderMark() {
		// The second mark belongs to the field name, which is then unknown.
		assertThat(feed("\uFEFF\uFEFFdata: x\n\ndata: y\n\n")).extracting(SseEvent::data).containsExactly("y");
	}

	@Test
	void keepsByteOrderMarkAfterStartOfStream() {
		assertThat(feed("data: a\n\n\uFEFFdata: b\n\ndata: \uFEFFc\n\n")).extracting(SseEvent::data)
			.containsExactly("a", "\uFEFFc");
	}

	@Test
	void replacesInvalidUtf8WithReplacementCharacter() {
		byte[] stream = concat(utf8("data: a"), bytes(0xFF), utf8(" b"), bytes(0xC3), utf8(" c"), bytes(0x80),
				utf8("\n\n"));
		assertThat(parseInChunks(stream)).extracting(SseEvent::data).containsExactly("a\uFFFD b\uFFFD c\uFFFD");
	}

	@Test
	void replacesTruncatedSequenceAtEndOfLineWithOneReplacementCharacter() {
		byte[] stream = concat(utf8("data: "), bytes(0xE2, 0x82), utf8("\ndata: "), bytes(0xF0, 0x9F, 0x98),
				utf8("\n\n"));
		assertThat(parseInChunks(stream)).extracting(SseEvent::data).containsExactly("\uFFFD\n\uFFFD");
	}

	@Test
	void primingEventWithoutDataDispatchesNothingButSetsLastEventId() {
		assertThat(feed("id: 42\n\n")).isEmpty();
		assertThat(this.parser.lastEventId()).isEqualTo("42");
		assertThat(feed("data: next\n\n")).containsExactly(event("42", "message", "next"));
	}

	@Test
	void emptyDataFieldDispatchesEventWithEmptyData() {
		// WHATWG: "data:" appends a line feed, so the data buffer is not empty.
		assertThat(feed("id: 42\ndata:\n\n")).containsExactly(event("42", "message", ""));
		assertThat(this.parser.lastEventId()).isEqualTo("42");
	}

	@Test
	void eventsInheritLastEventId() {
		assertThat(feed("id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n")).extracting(SseEvent::id)
			.containsExactly("1", "1", "2");
		assertThat(this.parser.lastEventId()).isEqualTo("2");
	}

	@Test
	void emptyIdResetsLastEventId() {
		assertThat(feed("id: 1\ndata: a\n\nid\ndata: b\n\n")).extracting(SseEvent::id).containsExactly("1", null);
		assertThat(this.parser.lastEventId()).isNull();
	}

	@Test
	void ignoresIdContainingNull() {
		assertThat(feed("id: 1\n\nid: a\u0000b\ndata: x\n\n")).containsExactly(event("1", "message", "x"));
		assertThat(this.parser.lastEventId()).isEqualTo("1");
	}

	@Test
	void lastEventIdChangesOnlyAtBlankLine() {
		feed("id: 1\n\n");
		assertThat(feed("id: 2\ndata: x\n")).isEmpty();
		assertThat(this.parser.lastEventId()).isEqualTo("1");
		assertThat(feed("\n")).containsExactly(event("2", "message", "x"));
		assertThat(this.parser.lastEventId()).isEqualTo("2");
	}

	@Test
	void lastEventIdIsNullInitially() {
		assertThat(this.parser.lastEventId()).isNull();
		assertThat(this.parser.retry()).isNull();
	}

	@Test
	void appliesValidRetry() {
		assertThat(feed("retry: 3000\n\n")).isEmpty();
		assertThat(this.parser.retry()).isEqualTo(3000L);
		assertThat(feed("retry: 0\ndata: x\n\ndata: y\n\n")).containsExactly(new SseEvent(null, "message", "x", 0L),
				new SseEvent(null, "message", "y", null));
		assertThat(this.parser.retry()).isZero();
	}

	@Test
	void appliesRetryBeforeEventIsComplete() {
		feed("retry: 1500\ndata: x\n");
		assertThat(this.parser.retry()).isEqualTo(1500L);
	}

	@Test
	void appliesLargestRetryThatFitsInLong() {
		feed("retry: 9223372036854775807\n");
		assertThat(this.parser.retry()).isEqualTo(Long.MAX_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "retry:", "retry: ", "retry: 12a", "retry: -1", "retry: +1", "retry: 1.5", "retry:  5",
			"retry: 5 ", "retry: \u0661\u0662", "retry: 9223372036854775808", "retry: 99999999999999999999" })
	void ignoresInvalidRetry(String line) {
		feed("retry: 100\n\n");
		assertThat(feed(line + "\ndata: x\n\n")).containsExactly(new SseEvent(null, "message", "x", null));
		assertThat(this.parser.retry()).isEqualTo(100L);
	}

	@Test
	void usesEventTypeAndResetsItAfterEachBlankLine() {
		assertThat(feed("event: update\ndata: x\n\ndata: y\n\nevent: lost\n\ndata: z\n\n")).extracting(SseEvent::event)
			.containsExactly("update", "message", "message");
	}

	@Test
	void emptyEventTypeMeansMessage() {
		assertThat(feed("event:\ndata: x\n\n")).extracting(SseEvent::event).containsExactly("message");
	}

	@Test
	void lineWithoutColonIsFieldWithEmptyValue() {
		assertThat(feed("data\n\ndata\ndata\n\nevent\ndata: x\n\n")).containsExactly(event(null, "message", ""),
				event(null, "message", "\n"), event(null, "message", "x"));
	}

	@Test
	void stripsOnlyOneLeadingSpace() {
		assertThat(feed("data:  two\ndata:none\ndata:\tx\ndata: trailing \n\n")).extracting(SseEvent::data)
			.containsExactly(" two\nnone\n\tx\ntrailing ");
	}

	@Test
	void splitsFieldAtFirstColon() {
		assertThat(feed("data: a: b:c\n\n")).extracting(SseEvent::data).containsExactly("a: b:c");
	}

	@Test
	void ignoresUnknownAndMiscasedFields() {
		assertThat(feed("foo: bar\nData: y\nDATA: z\ndata : w\ndata: x\n\n")).extracting(SseEvent::data)
			.containsExactly("x");
	}

	@Test
	void keepsNullCharacterInData() {
		assertThat(feed("data: a\u0000b\n\n")).extracting(SseEvent::data).containsExactly("a\u0000b");
	}

	@Test
	void discardsUnterminatedEventAtEndOfStream() {
		assertThat(feed("data: a\n\nid: 9\nevent: e\ndata: b\n")).extracting(SseEvent::data).containsExactly("a");
		assertThat(this.parser.finish()).isEmpty();
		assertThat(this.parser.lastEventId()).isNull();
	}

	@Test
	void discardsUnterminatedLastLineAtEndOfStream() {
		feed("id: 1\n\nretry: 5");
		assertThat(this.parser.finish()).isEmpty();
		assertThat(this.parser.retry()).isNull();
		assertThat(this.parser.lastEventId()).isEqualTo("1");
	}

	@Test
	void finishIsIdempotentAndFeedAfterFinishFails() {
		this.parser.finish();
		assertThat(this.parser.finish()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> feed("data: x\n\n"));
		assertThatIllegalStateException().isThrownBy(() -> this.parser.feed(ByteBuffer.allocate(1)));
	}

	@Test
	void acceptsEventOfExactlyTheLimit() {
		SseEventParser parser = new SseEventParser(16);
		// "data: 0123456789" is 16 bytes
		assertThat(parser.feed(utf8Buffer("data: 0123456789\n\n"))).extracting(SseEvent::data)
			.containsExactly("0123456789");
	}

	@Test
	void rejectsLineLongerThanLimit() {
		SseEventParser parser = new SseEventParser(16);
		assertThatExceptionOfType(SseLimitExceededException.class)
			.isThrownBy(() -> parser.feed(utf8Buffer("data: 01234567890\n\n")))
			.withMessage("Server-sent event exceeds the limit of 16 bytes")
			.satisfies((ex) -> assertThat(ex.getMaxEventBytes()).isEqualTo(16));
	}

	@Test
	void rejectsUnterminatedLineAsSoonAsItPassesLimit() {
		SseEventParser parser = new SseEventParser(16);
		byte[] line = utf8("data: 0123456789abcdef");
		for (int i = 0; i < 16; i++) {
			assertThat(parser.feed(line, i, 1)).isEmpty();
		}
		assertThatExceptionOfType(SseLimitExceededException.class).isThrownBy(() -> parser.feed(line, 16, 1));
	}

	@Test
	void rejectsEventWhoseLinesTogetherPassLimit() {
		SseEventParser parser = new SseEventParser(32);
		assertThat(parser.feed(utf8Buffer("data: 0123\ndata: 4567\nid: 1\n"))).isEmpty();
		assertThatExceptionOfType(SseLimitExceededException.class)
			.isThrownBy(() -> parser.feed(utf8Buffer("data: 89\n")));
	}

	@Test
	void limitAppliesToEachEventSeparately() {
		SseEventParser parser = new SseEventParser(32);
		List<SseEvent> events = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			events.addAll(parser.feed(utf8Buffer("data: 0123456789\ndata: 0123456789\n\n")));
		}
		assertThat(events).hasSize(100);
	}

	@Test
	void commentsDoNotCountTowardsLimit() {
		SseEventParser parser = new SseEventParser(32);
		for (int i = 0; i < 100; i++) {
			assertThat(parser.feed(utf8Buffer(": keep-alive 0123456789\n"))).isEmpty();
		}
		assertThat(parser.feed(utf8Buffer("data: x\n\n"))).hasSize(1);
	}

	@Test
	void failedFeedLeavesLastEventIdAndRetryUntouchedAndParserUnusable() {
		SseEventParser parser = new SseEventParser(32);
		assertThat(parser.feed(utf8Buffer("id: 1\nretry: 10\ndata: a\n\n"))).hasSize(1);
		assertThatExceptionOfType(SseLimitExceededException.class)
			.isThrownBy(() -> parser.feed(utf8Buffer("id: 2\nretry: 20\ndata: b\n\ndata: " + "x".repeat(40))));
		assertThat(parser.lastEventId()).isEqualTo("1");
		assertThat(parser.retry()).isEqualTo(10L);
		assertThatIllegalStateException().isThrownBy(() -> parser.feed(utf8Buffer("data: c\n\n")));
	}

	@Test
	void parsesManyEventsFedInSmallChunks() {
		StringBuilder stream = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			stream.append("id: ").append(i).append("\r\ndata: event ").append(i).append("\r\n\r\n");
		}
		byte[] bytes = utf8(stream.toString());
		SseEventParser parser = new SseEventParser(64);
		List<SseEvent> events = new ArrayList<>();
		for (int offset = 0; offset < bytes.length; offset += 7) {
			events.addAll(parser.feed(bytes, offset, Math.min(7, bytes.length - offset)));
		}
		assertThat(events).hasSize(1000);
		for (int i = 0; i < 1000; i++) {
			assertThat(events.get(i)).isEqualTo(event(String.valueOf(i), "message", "event " + i));
		}
		assertThat(parser.lastEventId()).isEqualTo("999");
	}

	@Test
	void feedingByteBufferConsumesIt() {
		ByteBuffer heap = utf8Buffer("data: a\n\n");
		assertThat(this.parser.feed(heap)).hasSize(1);
		assertThat(heap.hasRemaining()).isFalse();
		ByteBuffer direct = ByteBuffer.allocateDirect(16);
		direct.put(utf8("data: b\n\n")).flip();
		assertThat(this.parser.feed(direct)).extracting(SseEvent::data).containsExactly("b");
		assertThat(direct.hasRemaining()).isFalse();
		ByteBuffer readOnly = utf8Buffer("data: c\n\n").asReadOnlyBuffer();
		assertThat(this.parser.feed(readOnly)).extracting(SseEvent::data).containsExactly("c");
		assertThat(readOnly.hasRemaining()).isFalse();
	}

	@Test
	void feedingSliceOfByteBufferReadsOnlyRemainingBytes() {
		ByteBuffer buffer = utf8Buffer("xxdata: a\n\nyy");
		buffer.position(2).limit(buffer.limit() - 2);
		assertThat(this.parser.feed(buffer.slice())).extracting(SseEvent::data).containsExactly("a");
	}

	@Test
	void feedingArrayReadsOnlyGivenRange() {
		byte[] bytes = utf8("data: skipped\n\ndata: a\n\ndata: too\n\n");
		assertThat(this.parser.feed(bytes, 15, 9)).extracting(SseEvent::data).containsExactly("a");
	}

	@Test
	void feedingArrayRejectsRangeOutsideArray() {
		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> this.parser.feed(new byte[4], 2, 3));
	}

	@Test
	void rejectsNonPositiveLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SseEventParser(0));
	}

	private List<SseEvent> feed(String text) {
		return this.parser.feed(utf8Buffer(text));
	}

	private static List<SseEvent> parseInChunks(byte[] stream, int... cuts) {
		SseEventParser parser = new SseEventParser(LIMIT);
		List<SseEvent> events = new ArrayList<>();
		int start = 0;
		for (int cut : cuts) {
			events.addAll(parser.feed(Arrays.copyOfRange(stream, start, cut), 0, cut - start));
			start = cut;
		}
		events.addAll(parser.feed(Arrays.copyOfRange(stream, start, stream.length), 0, stream.length - start));
		events.addAll(parser.finish());
		return events;
	}

	private static SseEvent event(String id, String type, String data) {
		return new SseEvent(id, type, data, null);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static ByteBuffer utf8Buffer(String text) {
		return ByteBuffer.wrap(utf8(text));
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
