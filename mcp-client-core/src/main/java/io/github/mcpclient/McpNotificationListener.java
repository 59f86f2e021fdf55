package io.github.mcpclient;

import io.github.mcpclient.protocol.LoggingMessageNotification;
import io.github.mcpclient.protocol.ProgressNotification;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Receives the notifications servers send; implement the methods of interest. Called off
 * the network threads, one notification at a time per connection and in the order the
 * server sent them, possibly after the call they came with has returned. A listener that
 * blocks delays only the later notifications of its own connection.
 *
 * @since 0.1.0
 */
public interface McpNotificationListener {

	/**
	 * The server's tool list changed.
	 * @param connectionName the connection
	 */
	default void onToolsListChanged(String connectionName) {
	}

	/**
	 * The server's resource list changed.
	 * @param connectionName the connection
	 */
	default void onResourcesListChanged(String connectionName) {
	}

	/**
	 * The server's prompt list changed.
	 * @param connectionName the connection
	 */
	default void onPromptsListChanged(String connectionName) {
	}

	/**
	 * A subscribed resource changed.
	 * @param connectionName the connection
	 * @param uri the resource URI
	 */
	default void onResourceUpdated(String connectionName, String uri) {
	}

	/**
	 * A request made progress.
	 * @param connectionName the connection
	 * @param progress the progress report
	 */
	default void onProgress(String connectionName, ProgressNotification progress) {
	}

	/**
	 * The server logged a message.
	 * @param connectionName the connection
	 * @param message the log entry
	 */
	default void onLoggingMessage(String connectionName, LoggingMessageNotification message) {
	}

	/**
	 * The server cancelled a request it had sent to the client.
	 * @param connectionName the connection
	 * @param requestId the id of the cancelled request
	 * @param reason the reason, if given
	 */
	default void onCancelled(String connectionName, JsonNode requestId, @Nullable String reason) {
	}

	/**
	 * Any notification, including the ones above, in raw form.
	 * @param connectionName the connection
	 * @param method the notification method
	 * @param params its parameters, if any
	 */
	default void onNotification(String connectionName, String method, @Nullable JsonNode params) {
	}

}
