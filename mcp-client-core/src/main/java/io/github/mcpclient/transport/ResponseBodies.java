package io.github.mcpclient.transport;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Reads response bodies within a bound, whatever the server sends. A body is never
 * drained to its end unless it fits: a connector that inflates compressed content does so
 * as the body is read, on the event loop other connections share, so reading a "gzip
 * bomb" to its end could cost seconds; stopping at the bound closes the connection
 * instead.
 */
final class ResponseBodies {

	/** What the client asks servers for: no content coding at all. */
	static final String IDENTITY = "identity";

	private ResponseBodies() {
	}

	/**
	 * The content coding a response still carries when it reaches the client: set only if
	 * the server compressed although asked not to, and no decompressor in the connector
	 * undid it.
	 * @param response the response
	 * @return the coding, or {@code null} for an uncompressed body
	 */
	static @Nullable String contentCoding(ClientResponse response) {
		String coding = response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
		if (coding == null || coding.isBlank() || IDENTITY.equals(coding.strip().toLowerCase(Locale.ROOT))) {
			return null;
		}
		return coding.strip();
	}

	/**
	 * Read and throw away a body the client has no use for, such as the answer to a
	 * notification.
	 * @param response the response
	 * @param maxBytes the most the body may hold
	 * @return completes when the body ended, or fails with a
	 * {@link DataBufferLimitException} as soon as it exceeds the bound
	 */
	static Mono<Void> discard(ClientResponse response, long maxBytes) {
		return DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class), maxBytes + 1)
			.reduce(0L, (count, buffer) -> count + release(buffer))
			.flatMap((count) -> (count > maxBytes)
					? Mono.error(
							new DataBufferLimitException("response body exceeds the limit of " + maxBytes + " bytes"))
					: Mono.empty());
	}

	/**
	 * Read the start of a body for an error report, and stop there.
	 * @param response the response
	 * @param maxBytes how much to read
	 * @return the excerpt, empty if there was no body
	 */
	static Mono<String> excerpt(ClientResponse response, int maxBytes) {
		return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class), maxBytes))
			.map((buffer) -> new String(drain(buffer), StandardCharsets.UTF_8))
			.defaultIfEmpty("");
	}

	/**
	 * Copy a buffer's bytes and release it.
	 * @param buffer the buffer
	 * @return its readable bytes
	 */
	static byte[] drain(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static long release(DataBuffer buffer) {
		int count = buffer.readableByteCount();
		DataBufferUtils.release(buffer);
		return count;
	}

}
