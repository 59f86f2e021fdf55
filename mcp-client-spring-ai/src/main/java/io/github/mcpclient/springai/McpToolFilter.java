package io.github.mcpclient.springai;

import io.github.mcpclient.protocol.Tool;

/**
 * Decides which tools of which connection are offered to the model.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpToolFilter {

	/**
	 * Whether to offer a tool.
	 * @param connectionName the connection that lists the tool
	 * @param tool the tool as the server describes it
	 * @return {@code true} to offer it
	 */
	boolean include(String connectionName, Tool tool);

	/**
	 * A filter that offers a tool only when this one and another both do.
	 * @param other the other filter
	 * @return the combined filter
	 */
	default McpToolFilter and(McpToolFilter other) {
		return (connectionName, tool) -> include(connectionName, tool) && other.include(connectionName, tool);
	}

	/**
	 * A filter that offers every tool.
	 * @return the filter
	 */
	static McpToolFilter all() {
		return (connectionName, tool) -> true;
	}

}
