package io.github.mcpclient;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;

/**
 * A valid gzip stream of zeros, written by hand so it costs milliseconds, not the seconds
 * a {@link java.util.zip.Deflater} needs to squeeze gigabytes. After one literal zero,
 * every 258 zeros are one back-reference of two bits (a dynamic Huffman block in which
 * "length 258" and "distance 1" each have a one-bit code), the best ratio DEFLATE allows:
 * about 1 GiB per MiB.
 */
final class GzipBomb {

	private static final int MATCH = 258;

	private GzipBomb() {
	}

	/**
	 * A gzip stream that inflates to about {@code inflatedBytes} zeros.
	 * @param inflatedBytes at least how many zeros it inflates to
	 * @return the compressed bytes
	 */
	static byte[] zeros(long inflatedBytes) {
		long matches = Math.max(1, (inflatedBytes - 1 + MATCH - 1) / MATCH);
		long size = 1 + matches * MATCH;
		Bits bits = new Bits((int) (matches / 4) + 64);
		// Block 1, fixed Huffman codes: one literal zero, end of block.
		bits.write(0, 1).write(1, 2).writeCode(0b00110000, 8).writeCode(0, 7);
		// Block 2 (final), dynamic codes: HLIT 286 codes, HDIST 2, HCLEN 18.
		bits.write(1, 1).write(2, 2).write(29, 5).write(1, 5).write(14, 4);
		// Code length code lengths in their odd order
		// 16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1:
		// only 18 (a run of zeros) and 1 (a one-bit code) are used, one bit each.
		int[] order = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1 };
		for (int symbol : order) {
			bits.write((symbol == 18 || symbol == 1) ? 1 : 0, 3);
		}
		// Canonical codes: "1" is 0, "18" is 1. Literal/length lengths: 256 zeros, symbol
		// 256 (end of block) one bit, 28 zeros, symbol 285 (length 258) one bit.
		bits.writeCode(1, 1).write(138 - 11, 7).writeCode(1, 1).write(118 - 11, 7);
		bits.writeCode(0, 1);
		bits.writeCode(1, 1).write(28 - 11, 7);
		bits.writeCode(0, 1);
		// Distance codes 0 (distance 1) and 1, one bit each.
		bits.writeCode(0, 1).writeCode(0, 1);
		// Data: "length 258" is code 1, "distance 1" is code 0; end of block is code 0.
		for (long i = 0; i < matches; i++) {
			bits.writeCode(1, 1).writeCode(0, 1);
		}
		bits.writeCode(0, 1);
		byte[] deflated = bits.toByteArray();

		ByteArrayOutputStream gzip = new ByteArrayOutputStream(deflated.length + 18);
		gzip.writeBytes(new byte[] { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff });
		gzip.writeBytes(deflated);
		writeIntLe(gzip, crcOfZeros(size));
		writeIntLe(gzip, (int) size);
		return gzip.toByteArray();
	}

	private static int crcOfZeros(long size) {
		CRC32 crc = new CRC32();
		byte[] zeros = new byte[1 << 20];
		for (long left = size; left > 0; left -= zeros.length) {
			crc.update(zeros, 0, (int) Math.min(left, zeros.length));
		}
		return (int) crc.getValue();
	}

	private static void writeIntLe(ByteArrayOutputStream out, int value) {
		for (int i = 0; i < 4; i++) {
			out.write(value >>> (8 * i));
		}
	}

	private static final class Bits {

		private final ByteArrayOutputStream out;

		private int current;

		private int count;

		Bits(int capacity) {
			this.out = new ByteArrayOutputStream(capacity);
		}

		// Header fields and extra bits go least significant bit first.
		Bits write(int value, int length) {
			for (int i = 0; i < length; i++) {
				bit((value >>> i) & 1);
			}
			return this;
		}

		// Huffman codes go most significant bit first.
		Bits writeCode(int code, int length) {
			for (int i = length - 1; i >= 0; i--) {
				bit((code >>> i) & 1);
			}
			return this;
		}

		private void bit(int bit) {
			this.current |= bit << this.count;
			if (++this.count == 8) {
				this.out.write(this.current);
				this.current = 0;
				this.count = 0;
			}
		}

		byte[] toByteArray() {
			if (this.count > 0) {
				this.out.write(this.current);
				this.current = 0;
				this.count = 0;
			}
			return this.out.toByteArray();
		}

	}

}
