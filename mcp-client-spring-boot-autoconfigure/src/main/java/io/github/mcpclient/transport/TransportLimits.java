package io.github.mcpclient.transport;

/**
 * Size limits that protect the client from oversized answers.
 *
 * @param maxBodyBytes largest JSON response body accepted
 * @param maxEventBytes largest single SSE event accepted
 */
public record TransportLimits(int maxBodyBytes, int maxEventBytes) {

	/** Limits suitable for most servers: 4 MiB bodies and events. */
	public static final TransportLimits DEFAULTS = new TransportLimits(4 * 1024 * 1024, 4 * 1024 * 1024);

	public TransportLimits {
		if (maxBodyBytes <= 0 || maxEventBytes <= 0) {
			throw new IllegalArgumentException("limits must be positive");
		}
	}

}
