package io.github.mcpclient;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every configured MCP client by connection name, in configuration order.
 *
 * @since 0.1.0
 */
public final class McpClients implements Iterable<McpClient>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(McpClients.class);

	private final Map<String, McpClient> clients;

	private final Duration closeTimeout;

	private final AtomicBoolean closed = new AtomicBoolean();

	public McpClients(List<McpClient> clients, Duration closeTimeout) {
		Map<String, McpClient> byName = new LinkedHashMap<>();
		for (McpClient client : clients) {
			if (byName.putIfAbsent(client.name(), client) != null) {
				throw new IllegalArgumentException("Duplicate MCP connection name '" + client.name() + "'");
			}
		}
		this.clients = byName;
		this.closeTimeout = closeTimeout;
	}

	/**
	 * The client of a connection.
	 * @param name the connection name
	 * @return the client
	 * @throws IllegalArgumentException if no connection has that name
	 */
	public McpClient get(String name) {
		McpClient client = this.clients.get(name);
		if (client == null) {
			throw new IllegalArgumentException("No MCP connection named '" + name + "'; configured connections: "
					+ this.clients.keySet() + " (under mcp.client.connections)");
		}
		return client;
	}

	/**
	 * The client of a connection, if there is one.
	 * @param name the connection name
	 * @return the client or {@code null}
	 */
	public @Nullable McpClient find(String name) {
		return this.clients.get(name);
	}

	/**
	 * The connection names, in configuration order.
	 * @return the names
	 */
	public Set<String> names() {
		return Collections.unmodifiableSet(this.clients.keySet());
	}

	@Override
	public Iterator<McpClient> iterator() {
		return Collections.unmodifiableCollection(this.clients.values()).iterator();
	}

	/**
	 * The clients, in configuration order.
	 * @return a stream of them
	 */
	public Stream<McpClient> stream() {
		return this.clients.values().stream();
	}

	/**
	 * End every session, in parallel, waiting at most the close timeout. Failures are
	 * logged, not thrown: closing must not stop an application from shutting down. Only
	 * the first call does anything.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		try {
			Flux.fromIterable(this.clients.values())
				.flatMap((client) -> client.reactive().close().onErrorResume((ex) -> {
					logger.warn("Could not close MCP connection '" + client.name() + "': " + ex.getMessage());
					return Mono.empty();
				}))
				.then()
				.block(this.closeTimeout);
		}
		catch (IllegalStateException ex) {
			logger.warn("MCP connections did not close within " + this.closeTimeout.toMillis() + " ms");
		}
	}

	@Override
	public String toString() {
		return "McpClients" + this.clients.keySet();
	}

}
