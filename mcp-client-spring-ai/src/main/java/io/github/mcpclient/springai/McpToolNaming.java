package io.github.mcpclient.springai;

import io.github.mcpclient.protocol.Tool;

/**
 * Proposes the name under which the model sees a tool. The provider then makes every
 * proposal safe for model APIs ({@code [a-zA-Z0-9_-]}, at most 64 characters) and unique,
 * so a proposal need not be either.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpToolNaming {

	/**
	 * The name to propose for a tool.
	 * @param connectionName the connection that lists the tool
	 * @param tool the tool as the server describes it
	 * @return the proposed name
	 */
	String name(String connectionName, Tool tool);

	/**
	 * The default: the connection name, an underscore and the tool name, such as
	 * {@code weather_forecast}.
	 * @return the naming
	 */
	static McpToolNaming prefixed() {
		return (connectionName, tool) -> connectionName + "_" + tool.name();
	}

	/**
	 * The tool name alone; tools of the same name on two connections still get distinct
	 * names, the second one with a suffix.
	 * @return the naming
	 */
	static McpToolNaming toolNameOnly() {
		return (connectionName, tool) -> tool.name();
	}

}
