package io.github.mcpclient.conformance;

import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpclient.McpElicitationHandler;
import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.ElicitResult;

/**
 * Answers elicitations through another handler, and can be told to do something else
 * first, once: while the server waits for the answer, a user may well go on using the
 * same connection for something unrelated.
 */
final class InterleavingElicitationHandler implements McpElicitationHandler {

	private final McpElicitationHandler answers;

	private final AtomicReference<Runnable> beforeNextAnswer = new AtomicReference<>();

	InterleavingElicitationHandler(McpElicitationHandler answers) {
		this.answers = answers;
	}

	/**
	 * Run the given action when the next elicitation arrives, before it is answered.
	 * @param action what to do in the meantime
	 */
	void beforeNextAnswer(Runnable action) {
		this.beforeNextAnswer.set(action);
	}

	@Override
	public ElicitResult elicit(String connectionName, ElicitRequest request) {
		Runnable action = this.beforeNextAnswer.getAndSet(null);
		if (action != null) {
			action.run();
		}
		return this.answers.elicit(connectionName, request);
	}

}
