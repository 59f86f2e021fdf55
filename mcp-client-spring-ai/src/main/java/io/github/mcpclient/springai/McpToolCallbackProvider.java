package io.github.mcpclient.springai;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The tools of every MCP connection as Spring AI tool callbacks, one
 * {@link McpToolCallback} per tool that the {@link McpToolFilter} lets through, named by
 * the {@link McpToolNaming} and then made safe and unique.
 * <p>
 * Nothing is listed until the callbacks are first asked for. Each connection's list is
 * then kept until its server announces a change (through {@link McpToolListChanges}) or
 * the time to live the server gave the list runs out; the connections are listed in
 * parallel. A connection whose tools cannot be listed contributes none, is logged once
 * and asked again after the retry interval; the other connections are not affected.
 *
 * @since 0.1.0
 */
public final class McpToolCallbackProvider implements ToolCallbackProvider, SmartInitializingSingleton {

	private final Map<String, ConnectionTools> connections;

	private final ToolCallbacks callbacks;

	private volatile boolean started;

	private McpToolCallbackProvider(Builder builder) {
		Map<String, ConnectionTools> connections = new LinkedHashMap<>();
		Map<String, McpClient> clients = new LinkedHashMap<>();
		for (McpClient client : builder.clients) {
			clients.put(client.name(), client);
			connections.put(client.name(),
					new ConnectionTools(client.reactive(), builder.clock, builder.retryInterval));
		}
		this.connections = connections;
		this.callbacks = new ToolCallbacks(clients, builder.filter, builder.naming, builder.resultConverter,
				builder.callMeta);
		this.started = !builder.deferListingUntilStarted;
		if (builder.listChanges != null) {
			builder.listChanges.subscribe(this::invalidate);
		}
	}

	/**
	 * Start building a provider over some clients.
	 * @param clients the clients, in the order of precedence for tool names
	 * @return the builder
	 */
	public static Builder builder(McpClients clients) {
		return new Builder(clients);
	}

	/**
	 * The callbacks of every offered tool, listing the tools of connections whose list is
	 * out of date first. On a thread that must not block, the callbacks of the lists at
	 * hand are returned at once and the out-of-date lists are fetched in the background.
	 * While listing is deferred until the application context has started, only the lists
	 * at hand are used and nothing is fetched.
	 * @return the callbacks, connections in configuration order, tools in server order
	 */
	@Override
	public ToolCallback[] getToolCallbacks() {
		List<ConnectionTools.@Nullable Listing> listings;
		if (!this.started || Schedulers.isInNonBlockingThread()) {
			listings = new ArrayList<>();
			for (ConnectionTools tools : this.connections.values()) {
				listings.add(tools.current());
				if (this.started) {
					tools.tools().subscribe();
				}
			}
		}
		else {
			listings = Flux.fromIterable(this.connections.values())
				.flatMapSequential(ConnectionTools::tools)
				.collectList()
				.block();
		}
		return this.callbacks.of(Objects.requireNonNull(listings));
	}

	/**
	 * Start listing tools, if listing was deferred until the application context has
	 * instantiated its singletons.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		this.started = true;
	}

	/**
	 * Forget the tool list of one connection, so that the next request for callbacks
	 * lists its tools again.
	 * @param connectionName the connection
	 */
	public void invalidate(String connectionName) {
		ConnectionTools tools = this.connections.get(connectionName);
		if (tools != null) {
			tools.invalidate();
		}
	}

	@Override
	public String toString() {
		return "McpToolCallbackProvider" + this.connections.keySet();
	}

	/**
	 * Builds a {@link McpToolCallbackProvider}.
	 */
	public static final class Builder {

		private final McpClients clients;

		private McpToolFilter filter = McpToolFilter.all();

		private McpToolNaming naming = McpToolNaming.prefixed();

		private McpToolResultConverter resultConverter = McpToolResultConverter.text();

		private McpToolCallMeta callMeta = McpToolCallMeta.fromToolContextEntry();

		private @Nullable McpToolListChanges listChanges;

		private Duration retryInterval = Duration.ofSeconds(30);

		private Clock clock = Clock.systemUTC();

		private boolean deferListingUntilStarted;

		private Builder(McpClients clients) {
			this.clients = clients;
		}

		/**
		 * Which tools to offer; by default all.
		 * @param filter the filter
		 * @return this builder
		 */
		public Builder filter(McpToolFilter filter) {
			this.filter = filter;
			return this;
		}

		/**
		 * How to name tools; by default {@link McpToolNaming#prefixed()}.
		 * @param naming the naming
		 * @return this builder
		 */
		public Builder naming(McpToolNaming naming) {
			this.naming = naming;
			return this;
		}

		/**
		 * How results become text; by default {@link McpToolResultConverter#text()}.
		 * @param resultConverter the converter
		 * @return this builder
		 */
		public Builder resultConverter(McpToolResultConverter resultConverter) {
			this.resultConverter = resultConverter;
			return this;
		}

		/**
		 * What of the tool context is sent as {@code _meta}; by default
		 * {@link McpToolCallMeta#fromToolContextEntry()}.
		 * @param callMeta the mapping
		 * @return this builder
		 */
		public Builder callMeta(McpToolCallMeta callMeta) {
			this.callMeta = callMeta;
			return this;
		}

		/**
		 * Where to hear of changed tool lists; without it, a list without a time to live
		 * is kept for good.
		 * @param listChanges the listener that the clients were given
		 * @return this builder
		 */
		public Builder listChanges(McpToolListChanges listChanges) {
			this.listChanges = listChanges;
			return this;
		}

		/**
		 * How long a connection whose tools could not be listed goes without tools before
		 * it is asked again; by default 30 seconds.
		 * @param retryInterval the interval, zero to ask on every request for callbacks
		 * @return this builder
		 */
		public Builder retryInterval(Duration retryInterval) {
			if (retryInterval.isNegative()) {
				throw new IllegalArgumentException("'retryInterval' must not be negative");
			}
			this.retryInterval = retryInterval;
			return this;
		}

		/**
		 * List nothing until the application context that holds the provider as a bean
		 * has instantiated its singletons. Spring AI's tool-calling auto-configuration
		 * asks every {@link ToolCallbackProvider} bean for its callbacks while the
		 * context starts; with this, that costs no I/O and finds no MCP tools, which
		 * reach the model through the prompts' own tool callbacks instead.
		 * @return this builder
		 */
		public Builder deferListingUntilStarted() {
			this.deferListingUntilStarted = true;
			return this;
		}

		Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Build the provider; it lists nothing until asked for callbacks.
		 * @return the provider
		 */
		public McpToolCallbackProvider build() {
			return new McpToolCallbackProvider(this);
		}

	}

}
