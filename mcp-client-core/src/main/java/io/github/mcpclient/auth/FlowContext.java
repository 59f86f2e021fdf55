package io.github.mcpclient.auth;

import io.github.mcpclient.exception.McpAuthorizationException;
import io.github.mcpclient.exception.McpAuthorizationFlowException;
import org.jspecify.annotations.Nullable;

/**
 * One run of the authorization flow: the refused request that started it, and how its
 * failures are reported.
 *
 * @param request the refused request
 * @param refusal the server's refusal
 * @param principal whose authorization it is
 */
record FlowContext(AuthorizationRequest request, McpAuthorizationException refusal, String principal) {

	String connectionName() {
		return this.request.connectionName();
	}

	McpAuthorizationFlowException failure(String detail) {
		return failure(detail, null);
	}

	McpAuthorizationFlowException failure(String detail, @Nullable Throwable cause) {
		return new McpAuthorizationFlowException(this.request.connectionName(), this.request.mcpMethod(),
				this.refusal.getStatus(), "authorization failed: " + detail, this.refusal.getChallenges(), cause);
	}

	String describe(String step) {
		return "Connection '" + this.request.connectionName() + "' (" + this.request.mcpMethod() + "): " + step;
	}

}
