package io.github.mcpclient.transport.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.github.mcpclient.exception.SseLimitExceededException;
import org.jspecify.annotations.Nullable;

/**
 * Incremental parser that turns the bytes of a {@code text/event-stream} body into
 * {@link SseEvent events} by the WHATWG HTML rules for server-sent events.
 * <p>
 * The body can be fed in chunks of any size: a line break or a UTF-8 sequence split
 * between two chunks is read as if the body had arrived in one piece. Only the line and
 * the event being received are held in memory, and a {@link SseLimitExceededException} is
 * thrown when they grow beyond the limit given at construction.
 * <p>
 * Instances are not thread-safe: use one parser per stream, fed by one thread at a time.
 *
 * @since 0.1.0
 */
public final class SseEventParser {

	private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ID = "id".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] RETRY = "retry".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MESSAGE = SseEvent.DEFAULT_EVENT_TYPE.getBytes(StandardCharsets.US_ASCII);

	// A data buffer that grew for one large event is given back rather than kept for the
	// lifetime of a long-lived stream.
	private static final int RETAINED_CAPACITY = 8 * 1024;

	private final SseLineSplitter lines;

	private boolean atStreamStart = true;

	// Bytes of the field lines received since the last blank line: the splitter counts
	// them against the size limit along with the line it is receiving.
	private int eventBytes;

	// Most events have one data line: it is kept as decoded, and only a second one makes
	// the lines go into the buffer, joined by line feeds.
	private @Nullable String firstDataLine;

	private int dataLines;

	private final StringBuilder data = new StringBuilder();

	private String eventType = "";

	private @Nullable Long eventRetry;

	// WHATWG keeps two values: the buffer that id fields write to, and the stream's last
	// event ID, which takes the buffer's value only when an event is dispatched.
	private String lastEventIdBuffer = "";

	private String lastEventId = "";

	private @Nullable Long retry;

	private State state = State.OPEN;

	/**
	 * Create a parser that rejects events larger than the given size.
	 * @param maxEventBytes the most bytes that the event being received may take: its
	 * field lines so far, not counting line terminators or comments, plus the line still
	 * being received
	 */
	public SseEventParser(int maxEventBytes) {
		if (maxEventBytes <= 0) {
			throw new IllegalArgumentException("maxEventBytes must be positive, was " + maxEventBytes);
		}
		this.lines = new SseLineSplitter(maxEventBytes, () -> this.eventBytes);
	}

	/**
	 * Parse the remaining bytes of the given chunk, leaving its position at its limit.
	 * @param chunk the next bytes of the stream
	 * @return the events completed by this chunk, in stream order
	 * @throws SseLimitExceededException if an event or a line grows beyond the limit; the
	 * parser cannot be used afterwards
	 * @see #feed(byte[], int, int)
	 */
	public List<SseEvent> feed(ByteBuffer chunk) {
		assertOpen();
		if (chunk.hasArray()) {
			int offset = chunk.arrayOffset() + chunk.position();
			int length = chunk.remaining();
			chunk.position(chunk.limit());
			return feed(chunk.array(), offset, length);
		}
		byte[] bytes = new byte[chunk.remaining()];
		chunk.get(bytes);
		return feed(bytes, 0, bytes.length);
	}

	/**
	 * Parse the next bytes of the stream.
	 * <p>
	 * When the limit is exceeded, none of the events completed by this call are returned,
	 * and {@link #lastEventId()} and {@link #retry()} keep the values they had before it,
	 * so that a reconnection resumes after the last event the caller actually received.
	 * @param bytes the array holding the bytes
	 * @param offset the index of the first byte to parse
	 * @param length the number of bytes to parse
	 * @return the events completed by these bytes, in stream order
	 * @throws SseLimitExceededException if an event or a line grows beyond the limit; the
	 * parser cannot be used afterwards
	 */
	public List<SseEvent> feed(byte[] bytes, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, bytes.length);
		assertOpen();
		String lastEventId = this.lastEventId;
		Long retry = this.retry;
		List<SseEvent> events = new ArrayList<>();
		try {
			this.lines.split(bytes, offset, offset + length,
					(line, start, end) -> processLine(line, start, end, events));
		}
		catch (SseLimitExceededException ex) {
			this.lastEventId = lastEventId;
			this.retry = retry;
			this.state = State.FAILED;
			throw ex;
		}
		return Collections.unmodifiableList(events);
	}

	/**
	 * Signal the end of the stream. As WHATWG requires, an event that was not terminated
	 * by a blank line is discarded, and so is a last line without a line terminator, so
	 * that neither its {@code id} nor its {@code retry} field takes effect. Calling this
	 * more than once is harmless; {@code feed} may not be called afterwards.
	 * @return the events completed at the end of the stream, which by those rules is
	 * always an empty list
	 */
	public List<SseEvent> finish() {
		this.state = State.FINISHED;
		this.lines.finish();
		resetEvent();
		return List.of();
	}

	/**
	 * Return the ID to resume the stream from: the value of the last {@code id} field
	 * that was followed by a blank line, whether or not the event it belonged to had any
	 * data. An {@code id} field of an event that is still being received does not count
	 * yet, and one containing U+0000 NULL is ignored, as WHATWG requires.
	 * @return the last event ID, or {@code null} if none was set or the last one was
	 * empty
	 */
	public @Nullable String lastEventId() {
		return this.lastEventId.isEmpty() ? null : this.lastEventId;
	}

	/**
	 * Return the reconnection time from the last valid {@code retry} field: one whose
	 * value is a non-empty string of ASCII digits that fits in a {@code long}. It takes
	 * effect as soon as its line is parsed, as WHATWG requires.
	 * @return the reconnection time in milliseconds, or {@code null} if the stream has
	 * not set one
	 */
	public @Nullable Long retry() {
		return this.retry;
	}

	private void assertOpen() {
		if (this.state != State.OPEN) {
			throw new IllegalStateException((this.state == State.FINISHED) ? "The stream has already finished"
					: "The parser failed on an oversized event and cannot be reused");
		}
	}

	private void processLine(byte[] line, int start, int end, List<SseEvent> events) {
		if (this.atStreamStart) {
			this.atStreamStart = false;
			start = WhatwgUtf8.skipByteOrderMark(line, start, end);
		}
		if (start == end) {
			dispatch(events);
			return;
		}
		if (line[start] == ':') {
			return;
		}
		this.eventBytes += end - start;
		// Field names and the characters the rules look for are ASCII, and no byte of a
		// multi-byte UTF-8 sequence is ASCII, so the line can be split before decoding.
		int colon = indexOf(line, start, end, (byte) ':');
		int nameEnd = (colon != -1) ? colon : end;
		int valueStart = (colon != -1) ? colon + 1 : end;
		if (valueStart < end && line[valueStart] == ' ') {
			valueStart++;
		}
		if (Arrays.equals(line, start, nameEnd, DATA, 0, DATA.length)) {
			if (this.dataLines == 0) {
				this.firstDataLine = WhatwgUtf8.decode(line, valueStart, end);
			}
			else {
				if (this.dataLines == 1) {
					this.data.append(this.firstDataLine);
				}
				this.data.append('\n');
				WhatwgUtf8.decode(line, valueStart, end, this.data);
			}
			this.dataLines++;
		}
		else if (Arrays.equals(line, start, nameEnd, EVENT, 0, EVENT.length)) {
			// MCP names its events "message": no new string for each of them.
			this.eventType = Arrays.equals(line, valueStart, end, MESSAGE, 0, MESSAGE.length)
					? SseEvent.DEFAULT_EVENT_TYPE : WhatwgUtf8.decode(line, valueStart, end);
		}
		else if (Arrays.equals(line, start, nameEnd, ID, 0, ID.length)) {
			if (indexOf(line, valueStart, end, (byte) 0) == -1) {
				this.lastEventIdBuffer = WhatwgUtf8.decode(line, valueStart, end);
			}
		}
		else if (Arrays.equals(line, start, nameEnd, RETRY, 0, RETRY.length)) {
			applyRetry(line, valueStart, end);
		}
	}

	private static int indexOf(byte[] bytes, int start, int end, byte value) {
		for (int i = start; i < end; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private void applyRetry(byte[] line, int start, int end) {
		if (start == end) {
			return;
		}
		long value = 0;
		for (int i = start; i < end; i++) {
			int digit = line[i] - '0';
			if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
				return;
			}
			value = value * 10 + digit;
		}
		this.retry = value;
		this.eventRetry = value;
	}

	private void dispatch(List<SseEvent> events) {
		this.lastEventId = this.lastEventIdBuffer;
		// WHATWG's data buffer is empty only when no data field came: even an empty one
		// leaves its line feed.
		String first = this.firstDataLine;
		if (this.dataLines > 0 && first != null) {
			String payload = (this.dataLines == 1) ? first : this.data.toString();
			String type = this.eventType.isEmpty() ? SseEvent.DEFAULT_EVENT_TYPE : this.eventType;
			events.add(new SseEvent(lastEventId(), type, payload, this.eventRetry));
		}
		resetEvent();
	}

	private void resetEvent() {
		this.firstDataLine = null;
		this.dataLines = 0;
		this.data.setLength(0);
		if (this.data.capacity() > RETAINED_CAPACITY) {
			this.data.trimToSize();
		}
		this.eventType = "";
		this.eventRetry = null;
		this.eventBytes = 0;
	}

	private enum State {

		OPEN, FAILED, FINISHED

	}

}
