package io.github.mcpclient.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpNotificationListener;
import io.github.mcpclient.protocol.CreateMessageRequest;
import io.github.mcpclient.protocol.ElicitRequest;
import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.JsonRpcNotification;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.protocol.JsonRpcResponse;
import io.github.mcpclient.protocol.ListRootsResult;
import io.github.mcpclient.protocol.LoggingMessageNotification;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.protocol.ProgressNotification;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Answers the requests a server sends to the client and hands its notifications to the
 * application's listeners. Application code never runs on a network thread: handlers run
 * on worker threads, and listeners are told one notification at a time per connection, in
 * the order the server sent them, so that one that blocks holds up nothing but later
 * notifications of its own connection.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/client">Client
 * features</a>
 */
final class ServerMessageHandler {

	private static final Log logger = LogFactory.getLog(ServerMessageHandler.class);

	// Notifications waiting for slow listeners before the connection's streams are read
	// more slowly.
	private static final int PENDING_NOTIFICATIONS = 1024;

	private final String connectionName;

	private final McpClientHandlers handlers;

	private final JsonMapper mapper;

	private final Map<String, ProgressRoute> progressListeners = new ConcurrentHashMap<>();

	private final AtomicLong progressTokens = new AtomicLong();

	private final SerialDelivery notifications;

	ServerMessageHandler(String connectionName, McpClientHandlers handlers, JsonMapper mapper) {
		this.connectionName = connectionName;
		this.handlers = handlers;
		this.mapper = mapper;
		this.notifications = delivery();
	}

	/**
	 * Route the progress notifications of one request to a listener.
	 * @param listener the listener
	 * @return the progress token to put in the request's {@code _meta}
	 */
	String registerProgress(Consumer<ProgressNotification> listener) {
		String token = this.connectionName + "-progress-" + this.progressTokens.incrementAndGet();
		// A queue of its own: a call's listener that blocks holds up that call alone.
		this.progressListeners.put(token, new ProgressRoute(listener, delivery()));
		return token;
	}

	/**
	 * Wait until the progress of a call received so far has reached the call's listener,
	 * so a call's result follows its progress, as it did on the wire.
	 * @param token the call's progress token
	 * @return completes once delivered
	 */
	Mono<Void> progressDelivered(String token) {
		ProgressRoute route = this.progressListeners.get(token);
		return (route != null) ? route.delivery().drained() : Mono.empty();
	}

	void unregisterProgress(String token) {
		this.progressListeners.remove(token);
	}

	/**
	 * Produce the response to a server request. Handlers run off the network threads.
	 * @param request the request
	 * @return the response to send back
	 */
	Mono<JsonRpcResponse> answer(JsonRpcRequest request) {
		McpClientHandlers handlers = this.handlers;
		switch (request.method()) {
			case McpMethods.PING:
				return Mono.just(success(request, this.mapper.createObjectNode()));
			case McpMethods.ELICITATION_CREATE:
				if (handlers.elicitation() != null) {
					return call(request, () -> handlers.elicitation()
						.elicit(this.connectionName, params(request, ElicitRequest.class)));
				}
				break;
			case McpMethods.SAMPLING_CREATE_MESSAGE:
				if (handlers.sampling() != null) {
					return call(request, () -> handlers.sampling()
						.createMessage(this.connectionName, params(request, CreateMessageRequest.class)));
				}
				break;
			case McpMethods.ROOTS_LIST:
				if (handlers.roots() != null) {
					return call(request, () -> new ListRootsResult(handlers.roots().roots(this.connectionName), null));
				}
				break;
			default:
		}
		logger
			.debug("Connection '" + this.connectionName + "' cannot answer server request '" + request.method() + "'");
		return Mono.just(failure(request, JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
	}

	/**
	 * Take a notification from the server. The engine's own listeners hear of it at once;
	 * the application's later, off the network thread. A failing listener is logged and
	 * does not keep the others from hearing about it.
	 * @param notification the notification
	 * @return completes once the notification is queued for the application, which waits
	 * only while a slow listener has fallen far behind
	 */
	Mono<Void> accept(JsonRpcNotification notification) {
		// Typed parameters are read once, however many listeners hear about them.
		ProgressNotification progress = McpMethods.NOTIFICATION_PROGRESS.equals(notification.method())
				? convert(notification.params(), ProgressNotification.class) : null;
		LoggingMessageNotification message = McpMethods.NOTIFICATION_MESSAGE.equals(notification.method())
				? convert(notification.params(), LoggingMessageNotification.class) : null;
		ProgressRoute route = (progress != null) ? this.progressListeners.get(String.valueOf(progress.progressToken()))
				: null;
		List<McpNotificationListener> application = new ArrayList<>();
		for (McpNotificationListener listener : this.handlers.listeners()) {
			if (listener instanceof InlineListener) {
				notifySafely(() -> dispatch(listener, notification, progress, message));
			}
			else {
				application.add(listener);
			}
		}
		Mono<Void> toCall = (route != null && progress != null)
				? route.delivery().submit(() -> notifySafely(() -> route.listener().accept(progress))) : Mono.empty();
		Mono<Void> toApplication = application.isEmpty() ? Mono.empty() : this.notifications.submit(() -> application
			.forEach((listener) -> notifySafely(() -> dispatch(listener, notification, progress, message))));
		return toCall.then(toApplication);
	}

	private SerialDelivery delivery() {
		return new SerialDelivery(this.connectionName, Schedulers.boundedElastic(), PENDING_NOTIFICATIONS);
	}

	private void dispatch(McpNotificationListener listener, JsonRpcNotification notification,
			@Nullable ProgressNotification progress, @Nullable LoggingMessageNotification message) {
		JsonNode params = notification.params();
		switch (notification.method()) {
			case McpMethods.NOTIFICATION_TOOLS_LIST_CHANGED -> listener.onToolsListChanged(this.connectionName);
			case McpMethods.NOTIFICATION_RESOURCES_LIST_CHANGED -> listener.onResourcesListChanged(this.connectionName);
			case McpMethods.NOTIFICATION_PROMPTS_LIST_CHANGED -> listener.onPromptsListChanged(this.connectionName);
			case McpMethods.NOTIFICATION_RESOURCES_UPDATED -> {
				if (params != null && params.path("uri").isString()) {
					listener.onResourceUpdated(this.connectionName, params.path("uri").asString());
				}
			}
			case McpMethods.NOTIFICATION_PROGRESS -> {
				if (progress != null) {
					listener.onProgress(this.connectionName, progress);
				}
			}
			case McpMethods.NOTIFICATION_MESSAGE -> {
				if (message != null) {
					listener.onLoggingMessage(this.connectionName, message);
				}
			}
			case McpMethods.NOTIFICATION_CANCELLED -> {
				if (params != null && params.has("requestId")) {
					JsonNode reason = params.get("reason");
					listener.onCancelled(this.connectionName, params.get("requestId"),
							(reason != null && reason.isString()) ? reason.asString() : null);
				}
			}
			default -> {
			}
		}
		listener.onNotification(this.connectionName, notification.method(), params);
	}

	private void notifySafely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Notification listener of connection '" + this.connectionName + "' failed", ex);
		}
	}

	private Mono<JsonRpcResponse> call(JsonRpcRequest request, Callable<Object> handler) {
		return Mono.fromCallable(handler)
			.subscribeOn(Schedulers.boundedElastic())
			.map((result) -> success(request, this.mapper.valueToTree(result)))
			.onErrorResume(InvalidParamsException.class,
					(ex) -> Mono.just(failure(request, JsonRpcError.INVALID_PARAMS, ex.getMessage())))
			.onErrorResume((ex) -> {
				logger.warn("Handler for '" + request.method() + "' on connection '" + this.connectionName + "' failed",
						ex);
				return Mono.just(failure(request, JsonRpcError.INTERNAL_ERROR,
						"The client could not handle " + request.method()));
			});
	}

	private <T> T params(JsonRpcRequest request, Class<T> type) {
		try {
			return this.mapper.treeToValue((request.params() != null) ? request.params() : NullNode.getInstance(),
					type);
		}
		catch (JacksonException | NullPointerException ex) {
			throw new InvalidParamsException("Invalid params for " + request.method() + ": " + ex.getMessage());
		}
	}

	private <T> @Nullable T convert(@Nullable JsonNode params, Class<T> type) {
		if (params == null) {
			return null;
		}
		try {
			return this.mapper.treeToValue(params, type);
		}
		catch (JacksonException | NullPointerException ex) {
			logger.debug("Connection '" + this.connectionName + "' ignored a malformed " + type.getSimpleName(), ex);
			return null;
		}
	}

	private static JsonRpcResponse success(JsonRpcRequest request, JsonNode result) {
		return new JsonRpcResponse(request.id(), result, null);
	}

	private static JsonRpcResponse failure(JsonRpcRequest request, int code, String message) {
		return new JsonRpcResponse(request.id(), null, new JsonRpcError(code, message, null));
	}

	/**
	 * A listener of the engine's own: quick, never blocking, and told on the network
	 * thread before any listener of the application, so what it keeps is never staler
	 * than what they are told.
	 */
	interface InlineListener extends McpNotificationListener {

	}

	private record ProgressRoute(Consumer<ProgressNotification> listener, SerialDelivery delivery) {

	}

	private static final class InvalidParamsException extends RuntimeException {

		InvalidParamsException(String message) {
			super(message);
		}

	}

}
