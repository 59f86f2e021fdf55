package io.github.mcpclient.springai;

import io.github.mcpclient.protocol.CallToolResult;

/**
 * Turns a tool's result into the text the model reads.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpToolResultConverter {

	/**
	 * The text of a result; for a result with {@code isError} set, this is the error
	 * message the model reads.
	 * @param result the tool's result
	 * @return the text
	 */
	String convert(CallToolResult result);

	/**
	 * The default: text content joined by line breaks, structured content as JSON, and a
	 * short description of every other kind of content.
	 * @return the converter
	 */
	static McpToolResultConverter text() {
		return TextResultConverter.INSTANCE;
	}

}
