package io.github.mcpclient.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.mcpclient.McpNotificationListener;

/**
 * Passes on the servers' announcements that their tool lists changed, so that a
 * {@link McpToolCallbackProvider} lists those tools again. Give it to the clients as a
 * listener (as a bean, the starter does) and to the provider's builder.
 *
 * @since 0.1.0
 */
public final class McpToolListChanges implements McpNotificationListener {

	private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();

	/**
	 * Be told of changes.
	 * @param subscriber receives the name of each connection whose tools changed
	 */
	public void subscribe(Consumer<String> subscriber) {
		this.subscribers.add(subscriber);
	}

	@Override
	public void onToolsListChanged(String connectionName) {
		// Called on a network thread: subscribers only mark lists stale
		this.subscribers.forEach((subscriber) -> subscriber.accept(connectionName));
	}

}
