package io.github.mcpclient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written bomb is a valid gzip stream of zeros, checksum and length included, at
 * DEFLATE's best ratio.
 */
class GzipBombTests {

	@Test
	void inflatesToZerosWithAValidTrailer() throws IOException {
		byte[] bomb = GzipBomb.zeros(10_000_000);

		long zeros = 0;
		int bits = 0;
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bomb))) {
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				for (int i = 0; i < read; i++) {
					bits |= buffer[i];
				}
				zeros += read;
			}
		}

		assertThat(bits).isZero();
		assertThat(zeros).isBetween(10_000_000L, 10_000_000L + 258);
		assertThat(bomb.length).isLessThan(10_000_000 / 1000);
	}

}
