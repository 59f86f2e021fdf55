package io.github.mcpclient.exception;

/**
 * Thrown when a single server-sent event grows beyond the size limit its parser was
 * created with.
 *
 * @since 0.1.0
 */
public final class SseLimitExceededException extends RuntimeException {

	private final int maxEventBytes;

	public SseLimitExceededException(int maxEventBytes) {
		super("Server-sent event exceeds the limit of " + maxEventBytes + " bytes");
		this.maxEventBytes = maxEventBytes;
	}

	/**
	 * Limit, in bytes, that the event exceeded.
	 * @return the limit in bytes
	 */
	public int getMaxEventBytes() {
		return this.maxEventBytes;
	}

}
