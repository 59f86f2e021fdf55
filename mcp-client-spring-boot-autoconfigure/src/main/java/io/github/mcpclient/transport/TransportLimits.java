package io.github.mcpclient.transport;

/**
 * Size limits that protect the client from oversized answers.
 *
 * @param maxBodyBytes largest JSON response body accepted
 * @param maxEventBytes largest single SSE event accepted
 * @param maxResumptions how often the stream answering one request may be resumed
 */
public record TransportLimits(int maxBodyBytes, int maxEventBytes, int maxResumptions) {

	/** Limits suitable for most servers: 4 MiB bodies and events, 5 resumptions. */
	public static final TransportLimits DEFAULTS = new TransportLimits(4 * 1024 * 1024, 4 * 1024 * 1024, 5);

	public TransportLimits {
		if (maxBodyBytes <= 0 || maxEventBytes <= 0 || maxResumptions < 0) {
			throw new IllegalArgumentException("limits must be positive");
		}
	}

	public TransportLimits(int maxBodyBytes, int maxEventBytes) {
		this(maxBodyBytes, maxEventBytes, DEFAULTS.maxResumptions());
	}

}
