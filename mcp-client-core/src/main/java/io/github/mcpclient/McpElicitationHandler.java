package io.github.mcpclient;

import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.ElicitResult;

/**
 * Answers a server's request for user input ({@code elicitation/create}). Declaring a
 * handler makes the client announce the elicitation capability. It is called off the
 * network threads, so it may block while a person answers.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface McpElicitationHandler {

	/**
	 * Ask the user and report their answer.
	 * @param connectionName the connection the request came from
	 * @param request what the server asks for
	 * @return the user's answer
	 */
	ElicitResult elicit(String connectionName, ElicitRequest request);

}
