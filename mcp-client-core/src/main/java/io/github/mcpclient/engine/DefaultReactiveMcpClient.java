package io.github.mcpclient.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpNotificationListener;
import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.protocol.CallToolRequest;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.CompleteRequest;
import io.github.mcpclient.protocol.CompleteResult;
import io.github.mcpclient.protocol.EmptyResult;
import io.github.mcpclient.protocol.GetPromptRequest;
import io.github.mcpclient.protocol.GetPromptResult;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.ListPromptsResult;
import io.github.mcpclient.protocol.ListResourceTemplatesResult;
import io.github.mcpclient.protocol.ListResourcesResult;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.PaginatedRequest;
import io.github.mcpclient.protocol.ProgressNotification;
import io.github.mcpclient.protocol.Prompt;
import io.github.mcpclient.protocol.ReadResourceRequest;
import io.github.mcpclient.protocol.ReadResourceResult;
import io.github.mcpclient.protocol.Resource;
import io.github.mcpclient.protocol.ResourceTemplate;
import io.github.mcpclient.protocol.SetLevelRequest;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.transport.JsonRpcCodec;
import io.github.mcpclient.transport.McpSessionFilter;
import io.github.mcpclient.transport.StreamableHttpTransport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one implementation of the client: a lazily connecting, session-tracking MCP client
 * over {@link StreamableHttpTransport}.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle</a>
 */
final class DefaultReactiveMcpClient implements ReactiveMcpClient {

	private final McpClientSettings settings;

	private final McpSessionHolder holder;

	private final JsonMapper mapper;

	private final ServerMessageHandler serverMessages;

	private final RpcChannel rpc;

	private final ModernRequests modernRequests;

	private final ModernCalls modernCalls;

	private final ConnectionLifecycle lifecycle;

	DefaultReactiveMcpClient(McpClientSettings settings, McpClientHandlers handlers, StreamableHttpTransport transport,
			McpSessionHolder holder, JsonMapper mapper, EraVerdicts eraVerdicts) {
		this.settings = settings;
		this.holder = holder;
		this.mapper = mapper;
		List<McpNotificationListener> listeners = new ArrayList<>();
		listeners.add(new McpNotificationListener() {
			@Override
			public void onNotification(String connectionName, String method, @Nullable JsonNode params) {
				DefaultReactiveMcpClient.this.modernCalls.invalidate(method, params);
			}
		});
		listeners.addAll(handlers.listeners());
		this.serverMessages = new ServerMessageHandler(settings.connectionName(), handlers.withListeners(listeners),
				mapper);
		this.rpc = new RpcChannel(settings.connectionName(), transport, holder, this.serverMessages, mapper);
		this.modernRequests = new ModernRequests(settings.connectionName(), settings.clientInfo(),
				handlers.modernCapabilities(), mapper);
		this.modernCalls = new ModernCalls(settings.connectionName(), this.rpc, this.serverMessages, mapper,
				Clock.systemUTC());
		Connector connector = new Connector(settings, handlers.capabilities(), this.rpc, holder, transport,
				this.modernRequests, mapper, eraVerdicts);
		this.lifecycle = new ConnectionLifecycle(settings, holder, transport, this.rpc, connector,
				this.modernCalls::clear, eraVerdicts);
	}

	/**
	 * Create a client whose HTTP traffic goes through a clone of the given builder, with
	 * the connection's session filter added closest to the wire.
	 * @param settings the connection settings
	 * @param handlers the answers to server requests and the notification listeners
	 * @param webClientBuilder the builder to clone
	 * @param mapper the JSON mapper
	 * @param eraVerdicts where era choices are remembered
	 * @return the client
	 */
	static DefaultReactiveMcpClient create(McpClientSettings settings, McpClientHandlers handlers,
			WebClient.Builder webClientBuilder, JsonMapper mapper, EraVerdicts eraVerdicts) {
		McpSessionHolder holder = new McpSessionHolder(settings.connectionName(), settings.url());
		WebClient webClient = webClientBuilder.clone()
			.defaultHeaders((headers) -> settings.headers().forEach(headers::set))
			.filter(new McpSessionFilter(holder))
			.build();
		StreamableHttpTransport transport = new StreamableHttpTransport(settings.connectionName(), settings.url(),
				webClient, new JsonRpcCodec(mapper), holder, settings.limits());
		return new DefaultReactiveMcpClient(settings, handlers, transport, holder, mapper, eraVerdicts);
	}

	@Override
	public String name() {
		return this.settings.connectionName();
	}

	@Override
	public McpSession session() {
		return this.holder.current();
	}

	@Override
	public McpSessionStatistics statistics() {
		return this.holder.statistics();
	}

	@Override
	public Mono<InitializeResult> initialize() {
		return this.lifecycle.initialize().doOnError(this.holder::recordFailure);
	}

	@Override
	public Mono<Void> ping() {
		// The modern era has no ping; discover is the cheapest request every server
		// answers.
		return this.lifecycle.connected(() -> {
			RequestShape current = this.lifecycle.shape();
			return current.isLegacy() ? this.rpc.request("ping", null, this.settings.requestTimeout(), true)
					: this.rpc.request(Connector.DISCOVER, null, this.settings.requestTimeout(), false, current);
		}).then();
	}

	@Override
	public Mono<ListToolsResult> listTools(@Nullable String cursor) {
		return call("tools/list", new PaginatedRequest(cursor), ListToolsResult.class)
			.map((result) -> this.lifecycle.shape().isLegacy() ? result
					: result.withTools(this.modernRequests.usable(result.tools())));
	}

	@Override
	public Flux<Tool> listAllTools() {
		return allPages("tools/list", this::listTools, ListToolsResult::tools, ListToolsResult::nextCursor);
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments) {
		return call("tools/call", new CallToolRequest(name, new LinkedHashMap<String, Object>(arguments), null),
				CallToolResult.class);
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments,
			Consumer<ProgressNotification> progressListener) {
		return Mono.using(() -> this.serverMessages.registerProgress(progressListener),
				(token) -> call("tools/call",
						new CallToolRequest(name, new LinkedHashMap<String, Object>(arguments),
								Map.of("progressToken", token)),
						CallToolResult.class),
				this.serverMessages::unregisterProgress);
	}

	@Override
	public Mono<ListResourcesResult> listResources(@Nullable String cursor) {
		return call("resources/list", new PaginatedRequest(cursor), ListResourcesResult.class);
	}

	@Override
	public Flux<Resource> listAllResources() {
		return allPages("resources/list", this::listResources, ListResourcesResult::resources,
				ListResourcesResult::nextCursor);
	}

	@Override
	public Mono<ListResourceTemplatesResult> listResourceTemplates(@Nullable String cursor) {
		return call("resources/templates/list", new PaginatedRequest(cursor), ListResourceTemplatesResult.class);
	}

	@Override
	public Flux<ResourceTemplate> listAllResourceTemplates() {
		return allPages("resources/templates/list", this::listResourceTemplates,
				ListResourceTemplatesResult::resourceTemplates, ListResourceTemplatesResult::nextCursor);
	}

	@Override
	public Mono<ReadResourceResult> readResource(String uri) {
		return call("resources/read", new ReadResourceRequest(uri), ReadResourceResult.class);
	}

	@Override
	public Mono<ListPromptsResult> listPrompts(@Nullable String cursor) {
		return call("prompts/list", new PaginatedRequest(cursor), ListPromptsResult.class);
	}

	@Override
	public Flux<Prompt> listAllPrompts() {
		return allPages("prompts/list", this::listPrompts, ListPromptsResult::prompts, ListPromptsResult::nextCursor);
	}

	@Override
	public Mono<GetPromptResult> getPrompt(String name, Map<String, String> arguments) {
		return call("prompts/get", new GetPromptRequest(name, new LinkedHashMap<>(arguments)), GetPromptResult.class);
	}

	@Override
	public Mono<CompleteResult> complete(CompleteRequest request) {
		return call("completion/complete", request, CompleteResult.class);
	}

	@Override
	public Mono<Void> setLoggingLevel(LoggingLevel level) {
		// Modern requests carry the level in their metadata instead.
		this.modernRequests.logLevel(level);
		return this.lifecycle.connected(() -> this.lifecycle.shape().isLegacy()
				? call("logging/setLevel", new SetLevelRequest(level), EmptyResult.class).then() : Mono.<Void>empty());
	}

	@Override
	public <T> Mono<T> request(String method, @Nullable Object params, Class<T> resultType) {
		return call(method, params, resultType);
	}

	@Override
	public Mono<Void> notify(String method, @Nullable Object params) {
		return this.lifecycle.connected(() -> this.rpc.notify(method, params));
	}

	@Override
	public Mono<Void> close() {
		return this.lifecycle.close();
	}

	private <T> Mono<T> call(String method, @Nullable Object params, Class<T> resultType) {
		return this.lifecycle.connected(() -> {
			RequestShape current = this.lifecycle.shape();
			if (current.isLegacy()) {
				return this.rpc.request(method, params, this.settings.requestTimeout(), true);
			}
			return this.modernCalls.request(method, params, this.settings.requestTimeout(), current,
					() -> listAllTools().then());
		}).map((result) -> convert(result, resultType, method));
	}

	private <R, T> Flux<T> allPages(String method, Function<@Nullable String, Mono<R>> page, Function<R, List<T>> items,
			Function<R, @Nullable String> nextCursor) {
		return Flux.defer(() -> {
			Set<String> seen = new HashSet<>();
			return page.apply(null).expand((result) -> {
				String cursor = nextCursor.apply(result);
				if (cursor == null) {
					return Mono.empty();
				}
				if (!seen.add(cursor)) {
					return Mono.error(new McpTransportException(name(), method,
							"server returned cursor '" + cursor + "' twice; stopping an endless listing", null));
				}
				return page.apply(cursor);
			});
		}).concatMapIterable(items);
	}

	private <T> T convert(JsonNode result, Class<T> type, String method) {
		try {
			return this.mapper.treeToValue(result, type);
		}
		catch (JacksonException ex) {
			throw new McpTransportException(name(), method,
					"server result does not match " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "DefaultReactiveMcpClient[" + name() + "]";
	}

}
