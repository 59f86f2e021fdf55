package io.github.mcpclient.transport.sse;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import io.github.mcpclient.exception.SseLimitExceededException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Randomized tests for {@link SseEventParser}: streams are written from a model of the
 * events, cut into chunks at random, and parsed back.
 * <p>
 * Each case draws everything from a {@link Random} seeded with the number shown in its
 * display name and failure message, so a failing case replays exactly by running that
 * seed again.
 */
class SseEventParserPropertiesTests {

	private static final int LARGE_LIMIT = 1024 * 1024;

	private static final int SMALL_LIMIT = 24;

	private static final int SEEDS_PER_PROPERTY = 350;

	private static final String[] INVALID_RETRIES = { "", "-1", "12a", " 5", "1.5", "9223372036854775808", "\u0661" };

	private static final int[] SPECIAL_CODE_POINTS = { ':', ' ', 0, 0xFEFF, '\t', 0x1F600 };

	// Fragments chosen to hit the parser's edge cases far more often than random bytes
	// would: field names, colons, spaces, every line ending, partial UTF-8 and the BOM.
	private static final byte[][] NOISE_FRAGMENTS = { utf8("data"), utf8("id"), utf8("event"), utf8("retry"), utf8(":"),
			utf8(" "), utf8("\r"), utf8("\n"), utf8("\r\n"), utf8("x"), utf8("42"), utf8("\u0000"), utf8("\u00e9"),
			utf8("\uD83D\uDE00"), bytes(0xC3), bytes(0xA9), bytes(0xED, 0xA0), bytes(0xEF, 0xBB, 0xBF), bytes(0xFF) };

	// Each property has its own range of seeds: the two that are fed noise draw it the
	// same way, and would otherwise check the same streams.
	static LongStream roundTripSeeds() {
		return seeds(0);
	}

	static LongStream chunkingSeeds() {
		return seeds(1);
	}

	static LongStream limitSeeds() {
		return seeds(2);
	}

	private static LongStream seeds(int property) {
		long first = property * 1_000_000L;
		return LongStream.range(first, first + SEEDS_PER_PROPERTY);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("roundTripSeeds")
	void parsesBackTheEventsThatWereWritten(long seed) {
		Random random = new Random(seed);
		List<WrittenEvent> events = new ArrayList<>();
		for (int i = random.nextInt(9); i > 0; i--) {
			events.add(event(random));
		}
		WrittenEvent unterminated = (random.nextInt(10) < 3) ? event(random) : null;
		StreamWriter writer = new StreamWriter(LineEnding.values()[random.nextInt(LineEnding.values().length)], random);
		if (random.nextBoolean()) {
			writer.bytes.writeBytes(bytes(0xEF, 0xBB, 0xBF));
		}
		events.forEach((event) -> writer.write(event, true));
		if (unterminated != null) {
			writer.write(unterminated, false);
		}
		if (random.nextBoolean()) {
			// Never completed, so neither field may take effect.
			writer.bytes.writeBytes(utf8(random.nextBoolean() ? "retry: 1" : "id: never"));
		}
		byte[] stream = writer.bytes.toByteArray();
		List<Integer> chunkSizes = chunkSizes(random);
		Expected expected = Expected.of(events, unterminated);

		for (List<Integer> chunking : List.of(List.<Integer>of(), chunkSizes, List.of(1))) {
			Outcome outcome = parse(stream, chunking, LARGE_LIMIT);
			assertThat(outcome).as(() -> describe(seed, stream, chunking)).isEqualTo(expected.asOutcome());
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("chunkingSeeds")
	void resultDoesNotDependOnChunking(long seed) {
		Random random = new Random(seed);
		byte[] stream = noise(random);
		List<Integer> chunkSizes = chunkSizes(random);
		Outcome whole = parse(stream, List.of(), LARGE_LIMIT);
		assertThat(parse(stream, chunkSizes, LARGE_LIMIT)).as(() -> describe(seed, stream, chunkSizes))
			.isEqualTo(whole);
		assertThat(parse(stream, List.of(1), LARGE_LIMIT)).as(() -> describe(seed, stream, List.of(1)))
			.isEqualTo(whole);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("limitSeeds")
	void exceedingTheLimitDoesNotDependOnChunking(long seed) {
		Random random = new Random(seed);
		byte[] stream = noise(random);
		List<Integer> chunkSizes = chunkSizes(random);
		Outcome whole = parse(stream, List.of(), SMALL_LIMIT);
		Outcome chunked = parse(stream, chunkSizes, SMALL_LIMIT);
		assertThat(chunked.failed()).as(() -> describe(seed, stream, chunkSizes)).isEqualTo(whole.failed());
		if (!whole.failed()) {
			assertThat(chunked).as(() -> describe(seed, stream, chunkSizes)).isEqualTo(whole);
		}
	}

	private static WrittenEvent event(Random random) {
		String id = (random.nextInt(10) < 4) ? null : text(random);
		String type = random.nextBoolean() ? null : text(random);
		List<String> data = new ArrayList<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			data.add(text(random));
		}
		String retry = (random.nextInt(10) < 6) ? null : retry(random);
		String comment = (random.nextInt(10) < 7) ? null : text(random);
		return new WrittenEvent(id, type, data, retry, comment);
	}

	// Valid values are drawn from both ends of the range, because the overflow check
	// only matters near Long.MAX_VALUE.
	private static String retry(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> INVALID_RETRIES[random.nextInt(INVALID_RETRIES.length)];
			case 1 -> String.valueOf(random.nextInt(10_000));
			case 2 -> String.valueOf(Long.MAX_VALUE - random.nextInt(10));
			default -> String.valueOf(random.nextLong() & Long.MAX_VALUE);
		};
	}

	// Any Unicode text without line breaks, biased towards characters the rules treat
	// specially: colon, space, NULL, the BOM, and characters outside the BMP.
	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(13); i > 0; i--) {
			int kind = random.nextInt(9);
			if (kind < 5) {
				text.append((char) random.nextInt(0x20, 0x7F));
			}
			else if (kind < 7) {
				text.appendCodePoint(SPECIAL_CODE_POINTS[random.nextInt(SPECIAL_CODE_POINTS.length)]);
			}
			else {
				text.appendCodePoint(anyCodePoint(random));
			}
		}
		return text.toString();
	}

	private static int anyCodePoint(Random random) {
		while (true) {
			int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
			boolean surrogate = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
			if (codePoint != '\r' && codePoint != '\n' && !surrogate) {
				return codePoint;
			}
		}
	}

	// Mostly tiny chunks, where boundaries fall inside line breaks and UTF-8 sequences,
	// with some larger ones; an empty list means the whole stream in one chunk.
	private static List<Integer> chunkSizes(Random random) {
		List<Integer> sizes = new ArrayList<>();
		for (int i = random.nextInt(21); i > 0; i--) {
			sizes.add((random.nextInt(4) < 3) ? random.nextInt(1, 4) : random.nextInt(4, 65));
		}
		return sizes;
	}

	private static byte[] noise(Random random) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = random.nextInt(61); i > 0; i--) {
			bytes.writeBytes(NOISE_FRAGMENTS[random.nextInt(NOISE_FRAGMENTS.length)]);
		}
		return bytes.toByteArray();
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

	// Without shrinking, the failing input itself is the best clue, so print it in a
	// form where line endings and stray bytes stay visible.
	private static String describe(long seed, byte[] stream, List<Integer> chunkSizes) {
		StringBuilder description = new StringBuilder("seed ").append(seed).append(", chunks ").append(chunkSizes);
		description.append(", stream \"");
		for (byte b : stream) {
			int value = b & 0xFF;
			if (value >= 0x20 && value < 0x7F && value != '\\' && value != '"') {
				description.append((char) value);
			}
			else {
				description.append(String.format("\\x%02X", value));
			}
		}
		return description.append('"').toString();
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

		static Expected of(List<WrittenEvent> written, @Nullable WrittenEvent unterminated) {
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
			Long unterminatedRetry = (unterminated != null) ? validRetry(unterminated.retry()) : null;
			if (unterminatedRetry != null) {
				retry = unterminatedRetry;
			}
			return new Expected(events, lastEventId.isEmpty() ? null : lastEventId, retry);
		}

		Outcome asOutcome() {
			return new Outcome(this.events, this.lastEventId, this.retry, false);
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
					// After a lone CR, a blank line ended by LF would read as one CRLF
					// and
					// vanish, so no writer that means a blank line can produce it.
					List<String> choices = (emptyLine && this.lastEndedWithCarriageReturn) ? List.of("\r", "\r\n")
							: List.of("\n", "\r", "\r\n");
					yield choices.get(this.random.nextInt(choices.size()));
				}
			};
		}

	}

}
