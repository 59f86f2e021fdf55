package io.github.mcpclient.autoconfigure;

import io.github.mcpclient.McpClients;

import org.springframework.context.SmartLifecycle;

/**
 * Ends the MCP sessions when the application stops, while the HTTP client can still send
 * their {@code DELETE}s: after the web server has stopped taking requests (so no request
 * of a user still needs them), and before the shared Reactor Netty resources of Boot's
 * HTTP connector are released, which happens in a lifecycle phase of its own, long before
 * beans are destroyed.
 */
final class McpClientsShutdown implements SmartLifecycle {

	/**
	 * Lower than the web server's phases, so stopped after them; higher than the phase of
	 * Spring's {@code ReactorResourceFactory} (0), so stopped before it.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final McpClients clients;

	private volatile boolean running;

	McpClientsShutdown(McpClients clients) {
		this.clients = clients;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.clients.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
