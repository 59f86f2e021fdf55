package io.github.mcpclient.transport.sse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.IntSupplier;

import io.github.mcpclient.exception.SseLimitExceededException;

/**
 * Splits the bytes of a {@code text/event-stream} body into lines at CR, LF or CRLF, fed
 * in chunks of any size, as {@link SseEventParser} needs them.
 * <p>
 * A line break split between two chunks, a CR ending one and an LF starting the next,
 * counts as one. A line that ends in the chunk it started in is handed over straight from
 * that chunk; only a line still waiting for its terminator is copied, into a buffer that
 * the event size limit caps.
 */
final class SseLineSplitter {

	private static final int INITIAL_LINE_CAPACITY = 128;

	private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long LOW_BITS = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final long LINE_FEEDS = LOW_BITS * '\n';

	private static final long CARRIAGE_RETURNS = LOW_BITS * '\r';

	// A buffer that grew for one large line is given back rather than kept for the
	// lifetime of a long-lived stream.
	private static final int RETAINED_CAPACITY = 8 * 1024;

	private final int maxEventBytes;

	private final IntSupplier eventBytes;

	private byte[] pendingLine = new byte[INITIAL_LINE_CAPACITY];

	private int pendingLength;

	// A CR ending one chunk may be the first half of a CRLF whose LF starts the next.
	private boolean skipLineFeed;

	/**
	 * Create a splitter for lines of events of a limited size.
	 * @param maxEventBytes the most bytes that the event being received may take,
	 * counting the line being received
	 * @param eventBytes the bytes the event already takes without that line, which can
	 * change with every line handed over
	 */
	SseLineSplitter(int maxEventBytes, IntSupplier eventBytes) {
		this.maxEventBytes = maxEventBytes;
		this.eventBytes = eventBytes;
	}

	/**
	 * Hand over the lines that the given bytes complete, in stream order, and keep what
	 * follows the last line break for the next call.
	 * @param bytes the array holding the bytes
	 * @param start the index of the first byte
	 * @param end the index after the last byte
	 * @param lines receives each complete line, without its terminator
	 * @throws SseLimitExceededException if a line would take the event beyond the limit;
	 * checked before the line is buffered or handed over
	 */
	void split(byte[] bytes, int start, int end, LineHandler lines) {
		int position = start;
		if (this.skipLineFeed && position < end) {
			this.skipLineFeed = false;
			if (bytes[position] == '\n') {
				position++;
			}
		}
		while (position < end) {
			int lineEnd = indexOfLineBreak(bytes, position, end);
			if (lineEnd == -1) {
				appendToPendingLine(bytes, position, end - position);
				return;
			}
			if (this.pendingLength == 0) {
				checkLimit(lineEnd - position);
				lines.line(bytes, position, lineEnd);
			}
			else {
				appendToPendingLine(bytes, position, lineEnd - position);
				lines.line(this.pendingLine, 0, this.pendingLength);
				releasePendingLine();
			}
			position = lineEnd + 1;
			if (bytes[lineEnd] == '\r') {
				if (position == end) {
					this.skipLineFeed = true;
				}
				else if (bytes[position] == '\n') {
					position++;
				}
			}
		}
	}

	/**
	 * Drop the line still waiting for its terminator, as the end of the stream does, and
	 * give back its buffer.
	 */
	void finish() {
		this.pendingLength = 0;
		this.pendingLine = new byte[0];
		this.skipLineFeed = false;
	}

	/**
	 * Return the index of the first CR or LF in the given range, or -1. Lines of JSON run
	 * to hundreds of bytes, so the range is read eight bytes at a time: each byte of the
	 * word equal to CR or LF becomes zero after an exclusive or, and the lowest zero byte
	 * of a word is found without a branch per byte.
	 */
	static int indexOfLineBreak(byte[] bytes, int start, int end) {
		int i = start;
		for (; i <= end - Long.BYTES; i += Long.BYTES) {
			long word = (long) WORDS.get(bytes, i);
			long lineFeeds = word ^ LINE_FEEDS;
			long carriageReturns = word ^ CARRIAGE_RETURNS;
			// A byte's high bit is set where it was zero; bytes above a zero byte may be
			// set too by the borrow, which leaves the lowest one exact.
			long found = (((lineFeeds - LOW_BITS) & ~lineFeeds) | ((carriageReturns - LOW_BITS) & ~carriageReturns))
					& HIGH_BITS;
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < end; i++) {
			byte b = bytes[i];
			if (b == '\n' || b == '\r') {
				return i;
			}
		}
		return -1;
	}

	private void appendToPendingLine(byte[] bytes, int offset, int length) {
		checkLimit(length);
		int required = this.pendingLength + length;
		if (required > this.pendingLine.length) {
			int doubled = (int) Math.min(2L * this.pendingLine.length, this.maxEventBytes);
			this.pendingLine = Arrays.copyOf(this.pendingLine, Math.max(required, doubled));
		}
		System.arraycopy(bytes, offset, this.pendingLine, this.pendingLength, length);
		this.pendingLength = required;
	}

	private void releasePendingLine() {
		this.pendingLength = 0;
		if (this.pendingLine.length > RETAINED_CAPACITY) {
			this.pendingLine = new byte[INITIAL_LINE_CAPACITY];
		}
	}

	// Checked before anything is buffered, so memory never grows past the limit.
	private void checkLimit(int additionalBytes) {
		if ((long) this.eventBytes.getAsInt() + this.pendingLength + additionalBytes > this.maxEventBytes) {
			throw new SseLimitExceededException(this.maxEventBytes);
		}
	}

	/**
	 * Receives the lines of a stream.
	 */
	@FunctionalInterface
	interface LineHandler {

		/**
		 * Handle one complete line. The bytes are only valid during the call: they may be
		 * the caller's chunk or a buffer that the next line reuses.
		 * @param bytes the array holding the line
		 * @param start the index of the line's first byte
		 * @param end the index after the line's last byte, before its terminator
		 */
		void line(byte[] bytes, int start, int end);

	}

}
