package io.github.mcpclient.exception;

import java.util.List;

/**
 * Thrown when the client and the server have no protocol version in common.
 *
 * @since 0.1.0
 */
public class UnsupportedProtocolVersionException extends McpException {

	private final String requested;

	private final List<String> serverVersions;

	private final List<String> supported;

	public UnsupportedProtocolVersionException(String connectionName, String method, String requested,
			List<String> serverVersions, List<String> supported) {
		super(connectionName, method, "server speaks " + serverVersions + " but not our '" + requested
				+ "'; this client supports " + supported);
		this.requested = requested;
		this.serverVersions = List.copyOf(serverVersions);
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
	 * The versions the server answered with or said it supports, in its order.
	 * @return the server's versions
	 */
	public List<String> getServerVersions() {
		return this.serverVersions;
	}

	/**
	 * The versions the client would have accepted.
	 * @return the supported versions
	 */
	public List<String> getSupported() {
		return this.supported;
	}

}
