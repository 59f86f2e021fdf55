package io.github.mcpclient;

import io.github.mcpclient.protocol.CreateMessageRequest;
import io.github.mcpclient.protocol.CreateMessageResult;

/**
 * Answers a server's request for a language-model completion
 * ({@code sampling/createMessage}). Declaring a handler makes the client announce the
 * sampling capability. It is called off the network threads, so it may block.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpSamplingHandler {

	/**
	 * Produce the completion.
	 * @param connectionName the connection the request came from
	 * @param request the conversation and preferences
	 * @return the generated message
	 */
	CreateMessageResult createMessage(String connectionName, CreateMessageRequest request);

}
