package io.github.mcpclient;

import java.util.List;
import java.util.Map;

import io.github.mcpclient.protocol.ClientCapabilities;
import org.jspecify.annotations.Nullable;

/**
 * The application's answers to what servers may ask of the client, and its listeners for
 * what they announce. The client declares exactly the capabilities it has handlers for.
 *
 * @param elicitation the elicitation handler, if any
 * @param sampling the sampling handler, if any
 * @param roots the roots provider, if any
 * @param listeners the notification listeners
 * @since 0.1.0
 */
public record McpClientHandlers(@Nullable McpElicitationHandler elicitation, @Nullable McpSamplingHandler sampling,
		@Nullable McpRootsProvider roots, List<McpNotificationListener> listeners) {

	public McpClientHandlers {
		listeners = List.copyOf(listeners);
	}

	/**
	 * No handlers and no listeners.
	 * @return the empty set of handlers
	 */
	public static McpClientHandlers none() {
		return new McpClientHandlers(null, null, null, List.of());
	}

	public McpClientHandlers withElicitation(@Nullable McpElicitationHandler elicitation) {
		return new McpClientHandlers(elicitation, this.sampling, this.roots, this.listeners);
	}

	public McpClientHandlers withSampling(@Nullable McpSamplingHandler sampling) {
		return new McpClientHandlers(this.elicitation, sampling, this.roots, this.listeners);
	}

	public McpClientHandlers withRoots(@Nullable McpRootsProvider roots) {
		return new McpClientHandlers(this.elicitation, this.sampling, roots, this.listeners);
	}

	public McpClientHandlers withListeners(List<McpNotificationListener> listeners) {
		return new McpClientHandlers(this.elicitation, this.sampling, this.roots, listeners);
	}

	/**
	 * The capabilities to declare in the metadata of modern requests, where roots carry
	 * no list-changed flag (2026-07-28 has no roots notifications).
	 * @return one capability per handler present
	 */
	public ClientCapabilities modernCapabilities() {
		return new ClientCapabilities((this.roots != null) ? new ClientCapabilities.Roots(null) : null,
				(this.sampling != null) ? Map.of() : null, (this.elicitation != null) ? Map.of() : null, null);
	}

	/**
	 * Whether any handler or listener waits for what the server sends of its own accord.
	 * @return {@code true} if there is at least one
	 */
	public boolean expectsServerMessages() {
		return this.elicitation != null || this.sampling != null || this.roots != null || !this.listeners.isEmpty();
	}

	/**
	 * The capabilities to declare in {@code initialize}.
	 * @return one capability per handler present
	 */
	public ClientCapabilities capabilities() {
		return new ClientCapabilities((this.roots != null) ? new ClientCapabilities.Roots(true) : null,
				(this.sampling != null) ? Map.of() : null, (this.elicitation != null) ? Map.of() : null, null);
	}

}
