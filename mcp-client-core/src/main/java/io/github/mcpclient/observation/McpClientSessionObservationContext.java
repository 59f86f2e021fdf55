package io.github.mcpclient.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one legacy-era session knows: from {@code initialize} to its
 * end, which is a close, an expiry or a failure.
 *
 * @since 0.1.0
 */
public class McpClientSessionObservationContext extends Observation.Context {

	/**
	 * {@code error.type} of a session the server forgot.
	 */
	public static final String EXPIRED = "session_expired";

	private final String connectionName;

	private @Nullable String protocolVersion;

	private @Nullable String errorType;

	/**
	 * Create a context.
	 * @param connectionName the connection's name
	 */
	public McpClientSessionObservationContext(String connectionName) {
		this.connectionName = connectionName;
	}

	public String getConnectionName() {
		return this.connectionName;
	}

	public @Nullable String getProtocolVersion() {
		return this.protocolVersion;
	}

	public void setProtocolVersion(@Nullable String protocolVersion) {
		this.protocolVersion = protocolVersion;
	}

	/**
	 * Why the session ended, if not closed by the client: {@value #EXPIRED}, or the type
	 * of the handshake's failure.
	 * @return the error type, or {@code null} for a session the client closed
	 */
	public @Nullable String getErrorType() {
		return this.errorType;
	}

	public void setErrorType(@Nullable String errorType) {
		this.errorType = errorType;
	}

}
