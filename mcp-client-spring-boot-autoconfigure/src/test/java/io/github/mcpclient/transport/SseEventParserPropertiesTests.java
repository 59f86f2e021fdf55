package io.github.mcpclient.transport;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests for {@link SseEventParser}: streams are written from a model of
 * the events, cut into chunks at random, and parsed back.
 */
class SseEventParserPropertiesTests {

	private static final int LARGE_LIMIT = 1024 * 1024;

	@Property(tries = 300)
	void parsesBackTheEventsThatWereWritten(@ForAll @Size(max = 8) List<@From("events") WrittenEvent> events,
			@ForAll("unterminatedEvents") Optional<WrittenEvent> unterminated, @ForAll boolean unterminatedLastLine,
			@ForAll LineEnding lineEnding, @ForAll boolean byteOrderMark, @ForAll("chunkSizes") List<Integer> chunkSizes,
			@ForAll Random random) {
		StreamWriter writer = new StreamWriter(lineEnding, random);
		if (byteOrderMark) {
			writer.bytes.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		}
		events.forEach((event) -> writer.write(event, true));
		unterminated.ifPresent((event) -> writer.write(event, false));
		if (unterminatedLastLine) {
			// Never completed, so neither field may take effect.
			writer.bytes.writeBytes(utf8(random.nextBoolean() ? "retry: 1" : "id: never"));
		}
		byte[] stream = writer.bytes.toByteArray();
		Expected expected = Expected.of(events, unterminated);

		for (Outcome outcome : List.of(parse(stream, List.of(), LARGE_LIMIT), parse(stream, chunkSizes, LARGE_LIMIT),
				parse(stream, List.of(1), LARGE_LIMIT))) {
			assertThat(outcome.events()).isEqualTo(expected.events());
			assertThat(outcome.lastEventId()).isEqualTo(expected.lastEventId());
			assertThat(outcome.retry()).isEqualTo(expected.retry());
		}
	}

	@Property(tries = 500)
	void resultDoesNotDependOnChunking(@ForAll("noise") byte[] stream, @ForAll("chunkSizes") List<Integer> chunkSizes) {
		Outcome whole = parse(stream, List.of(), LARGE_LIMIT);
		assertThat(parse(stream, chunkSizes, LARGE_LIMIT)).isEqualTo(whole);
		assertThat(parse(stream, List.of(1), LARGE_LIMIT)).isEqualTo(whole);
	}

	@Property(tries = 500)
	void exceedingTheLimitDoesNotDependOnChunking(@ForAll("noise") byte[] stream,
			@ForAll("chunkSizes") List<Integer> chunkSizes) {
		int limit = 24;
		Outcome whole = parse(stream, List.of(), limit);
		Outcome chunked = parse(stream, chunkSizes, limit);
		assertThat(chunked.failed()).isEqualTo(whole.failed());
		if (!whole.failed()) {
			assertThat(chunked).isEqualTo(whole);
		}
	}

	@Provide
	Arbitrary<WrittenEvent> events() {
		Arbitrary<@Nullable String> ids = text().injectNull(0.4);
		Arbitrary<@Nullable String> types = text().injectNull(0.5);
		Arbitrary<List<String>> data = text().list().ofMaxSize(4);
		Arbitrary<@Nullable String> retries = Arbitraries
			.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf),
					Arbitraries.of("", "-1", "12a", " 5", "1.5", "9223372036854775808", "\u0661"))
			.injectNull(0.6);
		Arbitrary<@Nullable String> comments = text().injectNull(0.7);
		return Combinators.combine(ids, types, data, retries, comments).as(WrittenEvent::new);
	}

	@Provide
	Arbitrary<Optional<WrittenEvent>> unterminatedEvents() {
		return events().optional(0.3);
	}

	@Provide
	Arbitrary<List<Integer>> chunkSizes() {
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1, 3)),
				Tuple.of(1, Arbitraries.integers().between(4, 64)))
			.list()
			.ofMaxSize(20);
	}

	// Fragments chosen to hit the parser's edge cases far more often than random bytes
	// would: field names, colons, spaces, every line ending, partial UTF-8 and the BOM.
	@Provide
	Arbitrary<byte[]> noise() {
		Arbitrary<byte[]> fragment = Arbitraries.of(utf8("data"), utf8("id"), utf8("event"), utf8("retry"), utf8(":"),
				utf8(" "), utf8("\r"), utf8("\n"), utf8("\r\n"), utf8("x"), utf8("42"), utf8("\u0000"), utf8("\u00e9"),
				utf8("\uD83D\uDE00"), new byte[] { (byte) 0xC3 }, new byte[] { (byte) 0xA9 },
				new byte[] { (byte) 0xED, (byte) 0xA0 }, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				new byte[] { (byte) 0xFF });
		return fragment.list().ofMaxSize(60).map((fragments) -> {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			fragments.forEach(bytes::writeBytes);
			return bytes.toByteArray();
		});
	}

	// Any Unicode text without line breaks, biased towards characters the rules treat
	// specially: colon, space, NULL, the BOM, and characters outside the BMP.
	private static Arbitrary<String> text() {
		Arbitrary<Integer> special = Arbitraries.of((int) ':', (int) ' ', 0, 0xFEFF, (int) '\t', 0x1F600);
		Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
		Arbitrary<Integer> any = Arbitraries.integers()
			.between(0, Character.MAX_CODE_POINT)
			.filter((codePoint) -> codePoint != '\r' && codePoint != '\n'
					&& (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE));
		return Arbitraries.frequencyOf(Tuple.of(5, ascii), Tuple.of(2, special), Tuple.of(2, any))
			.list()
			.ofMaxSize(12)
			.map((codePoints) -> {
				StringBuilder text = new StringBuilder();
				codePoints.forEach(text::appendCodePoint);
				return text.toString();
			});
	}

	private static Outcome parse(byte[] stream, List<Integer> chunkSizes, int limit) {
		SseEventParser parser = new SseEventParser(limit);
		List<SseEvent> events = new ArrayList<>();
		try {
			int offset = 0;
			for (int i = 0; offset < stream.length; i++) {
				int size = chunkSizes.isEmpty() ? stream.length : chunkSizes.get(i % chunkSizes.size());
				int length = Math.min(size, stream.length - offset);
				events.addAll(parser.feed(stream, offset, length));
				offset += length;
			}
			events.addAll(parser.finish());
			return new Outcome(events, parser.lastEventId(), parser.retry(), false);
		}
		catch (SseLimitExceededException ex) {
			return new Outcome(List.of(), null, null, true);
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	enum LineEnding {

		LF, CR, CRLF, MIXED

	}

	record WrittenEvent(@Nullable String id, @Nullable String type, List<String> data, @Nullable String retry,
			@Nullable String comment) {

	}

	record Outcome(List<SseEvent> events, @Nullable String lastEventId, @Nullable Long retry, boolean failed) {

	}

	/**
	 * What a reader of the stream should see, worked out from the written events by the
	 * WHATWG rules independently of the parser.
	 */
	record Expected(List<SseEvent> events, @Nullable String lastEventId, @Nullable Long retry) {

		static Expected of(List<WrittenEvent> written, Optional<WrittenEvent> unterminated) {
			List<SseEvent> events = new ArrayList<>();
			String lastEventId = "";
			Long retry = null;
			for (WrittenEvent event : written) {
				if (event.id() != null && event.id().indexOf('\0') == -1) {
					lastEventId = event.id();
				}
				Long eventRetry = validRetry(event.retry());
				if (eventRetry != null) {
					retry = eventRetry;
				}
				if (!event.data().isEmpty()) {
					String type = (event.type() != null && !event.type().isEmpty()) ? event.type() : "message";
					events.add(new SseEvent(lastEventId.isEmpty() ? null : lastEventId, type,
							String.join("\n", event.data()), eventRetry));
				}
			}
			// The lines of an unterminated event were complete, so its retry applies even
			// though its id never becomes the last event ID.
			Long unterminatedRetry = unterminated.map((event) -> validRetry(event.retry())).orElse(null);
			if (unterminatedRetry != null) {
				retry = unterminatedRetry;
			}
			return new Expected(events, lastEventId.isEmpty() ? null : lastEventId, retry);
		}

		private static @Nullable Long validRetry(@Nullable String value) {
			if (value == null || !value.matches("[0-9]+")) {
				return null;
			}
			BigInteger number = new BigInteger(value);
			return (number.bitLength() < Long.SIZE) ? number.longValue() : null;
		}

	}

	private static final class StreamWriter {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final LineEnding lineEnding;

		private final Random random;

		private boolean lastEndedWithCarriageReturn;

		StreamWriter(LineEnding lineEnding, Random random) {
			this.lineEnding = lineEnding;
			this.random = random;
		}

		void write(WrittenEvent event, boolean terminated) {
			if (event.comment() != null) {
				line(":" + event.comment());
			}
			if (event.id() != null) {
				line("id: " + event.id());
			}
			if (event.type() != null) {
				line("event: " + event.type());
			}
			if (event.retry() != null) {
				line("retry: " + event.retry());
			}
			event.data().forEach((data) -> line("data: " + data));
			if (terminated) {
				line("");
			}
		}

		private void line(String text) {
			this.bytes.writeBytes(utf8(text));
			String ending = ending(text.isEmpty());
			this.bytes.writeBytes(utf8(ending));
			this.lastEndedWithCarriageReturn = ending.equals("\r");
		}

		private String ending(boolean emptyLine) {
			return switch (this.lineEnding) {
				case LF -> "\n";
				case CR -> "\r";
				case CRLF -> "\r\n";
				case MIXED -> {
					// After a lone CR, a blank line ended by LF would read as one CRLF and
					// vanish, so no writer that means a blank line can produce it.
					List<String> choices = (emptyLine && this.lastEndedWithCarriageReturn) ? List.of("\r", "\r\n")
							: List.of("\n", "\r", "\r\n");
					yield choices.get(this.random.nextInt(choices.size()));
				}
			};
		}

	}

}
