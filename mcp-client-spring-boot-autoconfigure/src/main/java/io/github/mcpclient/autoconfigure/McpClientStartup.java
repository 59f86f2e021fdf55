package io.github.mcpclient.autoconfigure;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Connects every client once the context has started, when
 * {@code mcp.client.initialize-on-startup} asks for it. Without fail-fast the handshakes
 * run in the background and a failure is only logged.
 */
final class McpClientStartup implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(McpClientStartup.class);

	private final McpClients clients;

	private final boolean failFast;

	private volatile boolean running;

	McpClientStartup(McpClients clients, boolean failFast) {
		this.clients = clients;
		this.failFast = failFast;
	}

	@Override
	public void start() {
		this.running = true;
		for (McpClient client : this.clients) {
			if (this.failFast) {
				client.initialize();
			}
			else {
				client.reactive()
					.initialize()
					.subscribe(
							(result) -> logger.debug("MCP connection '" + client.name() + "' connected to "
									+ result.serverInfo().name()),
							(ex) -> logger.warn("MCP connection '" + client.name()
									+ "' could not connect at startup; it will retry on first use: "
									+ ex.getMessage()));
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// After the web server has started, so a server in the same application is up.
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
