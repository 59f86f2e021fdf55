package io.github.mcpclient;

import java.util.List;

import io.github.mcpclient.protocol.Root;

/**
 * Tells servers which directories or files they may work within ({@code roots/list}).
 * Declaring a provider makes the client announce the roots capability.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpRootsProvider {

	/**
	 * The roots offered to a connection's server.
	 * @param connectionName the connection asking
	 * @return the roots
	 */
	List<Root> roots(String connectionName);

}
