package io.github.mcpclient.conformance;

import io.github.mcpclient.McpSamplingHandler;
import io.github.mcpclient.protocol.CreateMessageRequest;
import io.github.mcpclient.protocol.CreateMessageResult;
import io.github.mcpclient.protocol.Role;
import io.github.mcpclient.protocol.TextContent;

/**
 * Answers sampling requests with a fixed text: this client has no language model, and
 * declares sampling so that servers see every capability a client can have.
 */
final class NoModelSamplingHandler implements McpSamplingHandler {

	static final String MODEL = "no-model";

	@Override
	public CreateMessageResult createMessage(String connectionName, CreateMessageRequest request) {
		return new CreateMessageResult(Role.ASSISTANT, new TextContent("This client has no language model."), MODEL,
				"endTurn", null);
	}

}
