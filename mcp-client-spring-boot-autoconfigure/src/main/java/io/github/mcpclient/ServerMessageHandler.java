package io.github.mcpclient;

import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.JsonRpcNotification;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.protocol.JsonRpcResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Answers requests and takes notifications that a server sends to the client.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/ping">Ping</a>
 */
class ServerMessageHandler {

	private static final Log logger = LogFactory.getLog(ServerMessageHandler.class);

	private final String connectionName;

	ServerMessageHandler(String connectionName) {
		this.connectionName = connectionName;
	}

	/**
	 * Produce the response to a server request.
	 * @param request the request
	 * @return the response to send back
	 */
	Mono<JsonRpcResponse> answer(JsonRpcRequest request) {
		if ("ping".equals(request.method())) {
			return Mono.just(new JsonRpcResponse(request.id(), JsonNodeFactory.instance.objectNode(), null));
		}
		logger.debug("Connection '" + this.connectionName + "' has no handler for server request '"
				+ request.method() + "'");
		return Mono.just(new JsonRpcResponse(request.id(), null,
				new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method(), null)));
	}

	/**
	 * Take a notification from the server.
	 * @param notification the notification
	 */
	void accept(JsonRpcNotification notification) {
		if (logger.isTraceEnabled()) {
			logger.trace("Connection '" + this.connectionName + "' received " + notification.method());
		}
	}

}
