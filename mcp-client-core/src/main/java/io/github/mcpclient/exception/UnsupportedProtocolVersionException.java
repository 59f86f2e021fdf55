package io.github.mcpclient.exception;

import java.util.List;

/**
 * Thrown when the server settles on a protocol version this client does not speak.
 */
public class UnsupportedProtocolVersionException extends McpException {

	private final String requested;

	private final String offered;

	private final List<String> supported;

	public UnsupportedProtocolVersionException(String connectionName, String method, String requested, String offered,
			List<String> supported) {
		super(connectionName, method, "server answered protocol version '" + offered + "' to our '" + requested
				+ "'; this client supports " + supported);
		this.requested = requested;
		this.offered = offered;
		this.supported = List.copyOf(supported);
	}

	/**
	 * The version the client asked for.
	 * @return the requested version
	 */
	public String getRequested() {
		return this.requested;
	}

	/**
	 * The version the server answered with.
	 * @return the offered version
	 */
	public String getOffered() {
		return this.offered;
	}

	/**
	 * The versions the client would have accepted.
	 * @return the supported versions
	 */
	public List<String> getSupported() {
		return this.supported;
	}

}
