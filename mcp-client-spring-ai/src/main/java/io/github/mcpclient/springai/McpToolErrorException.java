package io.github.mcpclient.springai;

import io.github.mcpclient.protocol.CallToolResult;

/**
 * Thrown, wrapped in Spring AI's
 * {@link org.springframework.ai.tool.execution.ToolExecutionException}, when a tool ran
 * and reported a failure ({@code isError}); its message is the tool's own account of the
 * failure, written for the model.
 *
 * @since 0.1.0
 */
public class McpToolErrorException extends RuntimeException {

	private final String connectionName;

	private final String toolName;

	private final transient CallToolResult result;

	/**
	 * Create an exception for a failed tool run.
	 * @param connectionName the connection
	 * @param toolName the tool's name on the server
	 * @param result the tool's result
	 * @param message what the model reads
	 */
	public McpToolErrorException(String connectionName, String toolName, CallToolResult result, String message) {
		super(message);
		this.connectionName = connectionName;
		this.toolName = toolName;
		this.result = result;
	}

	/**
	 * The connection.
	 * @return its name
	 */
	public String getConnectionName() {
		return this.connectionName;
	}

	/**
	 * The tool's name on the server.
	 * @return the name
	 */
	public String getToolName() {
		return this.toolName;
	}

	/**
	 * The tool's result, as the server sent it.
	 * @return the result
	 */
	public CallToolResult getResult() {
		return this.result;
	}

}
