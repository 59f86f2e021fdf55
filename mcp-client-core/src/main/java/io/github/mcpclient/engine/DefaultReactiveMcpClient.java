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
import java.util.function.Supplier;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.auth.McpAuthorizationFilter;
import io.github.mcpclient.McpNotificationListener;
import io.github.mcpclient.ReactiveMcpClient;
import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.observation.McpClientSessionObservationContext;
import io.github.mcpclient.protocol.CallToolRequest;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.CompleteRequest;
import io.github.mcpclient.protocol.CompleteResult;
import io.github.mcpclient.protocol.GetPromptRequest;
import io.github.mcpclient.protocol.GetPromptResult;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.ListPromptsResult;
import io.github.mcpclient.protocol.ListResourceTemplatesResult;
import io.github.mcpclient.protocol.ListResourcesResult;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.protocol.PaginatedRequest;
import io.github.mcpclient.protocol.ProgressNotification;
import io.github.mcpclient.protocol.Prompt;
import io.github.mcpclient.protocol.ReadResourceRequest;
import io.github.mcpclient.protocol.ReadResourceResult;
import io.github.mcpclient.protocol.Resource;
import io.github.mcpclient.protocol.ResourceTemplate;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.transport.JsonRpcCodec;
import io.github.mcpclient.transport.McpSessionFilter;
import io.github.mcpclient.transport.Redactor;
import io.github.mcpclient.transport.StreamableHttpTransport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one implementation of the client: a lazily connecting, session-tracking MCP client
 * over {@link StreamableHttpTransport}. It only says what each call means; how a call
 * goes on the wire is the business of the connection's era dialect.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle</a>
 */
final class DefaultReactiveMcpClient implements ReactiveMcpClient {

	private final McpClientSettings settings;

	private final McpSessionHolder holder;

	private final ServerMessageHandler serverMessages;

	private final RpcChannel rpc;

	private final ResultConverter results;

	private final Redactor redactor;

	private final ConnectionLifecycle lifecycle;

	private final Bulkhead bulkhead;

	private final McpObservations observations;

	private DefaultReactiveMcpClient(McpClientSettings settings, McpClientHandlers handlers,
			StreamableHttpTransport transport, McpSessionHolder holder, JsonMapper mapper, EraVerdicts eraVerdicts,
			Observability observability) {
		String name = settings.connectionName();
		McpObservations observations = new McpObservations(observability, name, settings.url(), holder);
		this.observations = observations;
		if (observations.enabled()) {
			holder.onExpiry(() -> observations.sessionEnded(McpClientSessionObservationContext.EXPIRED, null));
		}
		this.settings = settings;
		this.holder = holder;
		Redactor redactor = new Redactor(() -> holder.current().sessionId(), settings.headers());
		this.redactor = redactor;
		this.results = new ResultConverter(name, mapper, redactor);
		List<McpNotificationListener> listeners = new ArrayList<>();
		// The dialect hears every notification first, so its cache is never staler than
		// what the application's listeners are told.
		listeners.add(new ServerMessageHandler.InlineListener() {
			@Override
			public void onNotification(String connectionName, String method, @Nullable JsonNode params) {
				DefaultReactiveMcpClient.this.lifecycle.onNotification(method, params);
			}
		});
		listeners.addAll(handlers.listeners());
		this.serverMessages = new ServerMessageHandler(name, handlers.withListeners(listeners), mapper);
		this.rpc = new RpcChannel(name, transport, holder, this.serverMessages, mapper, redactor,
				new Retries(name, settings.retry(), holder), observations);
		LegacyDialect legacy = new LegacyDialect(settings, handlers.capabilities(), this.rpc, holder, transport,
				this.results, observations);
		ModernRequests modernRequests = new ModernRequests(name, settings.clientInfo(), handlers.modernCapabilities(),
				mapper);
		Function<String, ModernDialect> modern = (version) -> new ModernDialect(name, version, modernRequests, this.rpc,
				holder, new ModernCalls(name, this.rpc, this.serverMessages, mapper, Clock.systemUTC()), this.results);
		Connector connector = new Connector(settings, holder, legacy, modern, eraVerdicts);
		this.lifecycle = new ConnectionLifecycle(settings, holder, this.rpc, connector, eraVerdicts, observations);
		this.bulkhead = new Bulkhead(name, settings.bulkhead());
	}

	/**
	 * Create a client whose HTTP traffic goes through the given builder, with the
	 * connection's static headers and its session filter added closest to the wire.
	 * @param settings the connection settings
	 * @param handlers the answers to server requests and the notification listeners
	 * @param webClientBuilder gives the connection's own builder, asked on the first call
	 * @param mapper the JSON mapper
	 * @param eraVerdicts where era choices are remembered
	 * @param authorization how requests obtain credentials
	 * @param observability where observations go
	 * @param principal the principal the client's session is for, when the authorization
	 * is per principal; {@code null} otherwise
	 * @return the client
	 */
	static DefaultReactiveMcpClient create(McpClientSettings settings, McpClientHandlers handlers,
			Supplier<WebClient.Builder> webClientBuilder, JsonMapper mapper, EraVerdicts eraVerdicts,
			McpAuthorization authorization, Observability observability, @Nullable String principal) {
		McpSessionHolder holder = new McpSessionHolder(settings.connectionName(), settings.url());
		// Built on the first call: configuring a connection costs no HTTP client.
		Supplier<WebClient> webClient = () -> {
			WebClient.Builder builder = webClientBuilder.get();
			builder.defaultHeaders((headers) -> settings.headers().forEach(headers::set));
			if (authorization != McpAuthorization.none()) {
				builder.filter(new McpAuthorizationFilter(settings.connectionName(), settings.url(), authorization,
						principal));
			}
			return builder.filter(new McpSessionFilter(holder)).build();
		};
		StreamableHttpTransport transport = new StreamableHttpTransport(settings, webClient, new JsonRpcCodec(mapper),
				holder);
		return new DefaultReactiveMcpClient(settings, handlers, transport, holder, mapper, eraVerdicts, observability);
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
		return connected(McpMethods.PING, (dialect) -> dialect.ping(this.settings.requestTimeout()));
	}

	@Override
	public Mono<ListToolsResult> listTools(@Nullable String cursor) {
		return connected(McpMethods.TOOLS_LIST, (dialect) -> toolsPage(dialect, cursor));
	}

	@Override
	public Flux<Tool> listAllTools() {
		return allPages(McpMethods.TOOLS_LIST, this::listTools, ListToolsResult::tools, ListToolsResult::nextCursor);
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments) {
		return call(McpMethods.TOOLS_CALL, new CallToolRequest(name, copy(arguments), null), CallToolResult.class);
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments,
			Consumer<ProgressNotification> progressListener) {
		return Mono.using(() -> this.serverMessages.registerProgress(progressListener),
				(token) -> call(McpMethods.TOOLS_CALL,
						new CallToolRequest(name, copy(arguments), Map.of("progressToken", token)),
						CallToolResult.class)
					.flatMap((result) -> this.serverMessages.progressDelivered(token).thenReturn(result)),
				this.serverMessages::unregisterProgress);
	}

	@Override
	public Mono<ListResourcesResult> listResources(@Nullable String cursor) {
		return call(McpMethods.RESOURCES_LIST, new PaginatedRequest(cursor), ListResourcesResult.class);
	}

	@Override
	public Flux<Resource> listAllResources() {
		return allPages(McpMethods.RESOURCES_LIST, this::listResources, ListResourcesResult::resources,
				ListResourcesResult::nextCursor);
	}

	@Override
	public Mono<ListResourceTemplatesResult> listResourceTemplates(@Nullable String cursor) {
		return call(McpMethods.RESOURCES_TEMPLATES_LIST, new PaginatedRequest(cursor),
				ListResourceTemplatesResult.class);
	}

	@Override
	public Flux<ResourceTemplate> listAllResourceTemplates() {
		return allPages(McpMethods.RESOURCES_TEMPLATES_LIST, this::listResourceTemplates,
				ListResourceTemplatesResult::resourceTemplates, ListResourceTemplatesResult::nextCursor);
	}

	@Override
	public Mono<ReadResourceResult> readResource(String uri) {
		return call(McpMethods.RESOURCES_READ, new ReadResourceRequest(uri), ReadResourceResult.class);
	}

	@Override
	public Mono<ListPromptsResult> listPrompts(@Nullable String cursor) {
		return call(McpMethods.PROMPTS_LIST, new PaginatedRequest(cursor), ListPromptsResult.class);
	}

	@Override
	public Flux<Prompt> listAllPrompts() {
		return allPages(McpMethods.PROMPTS_LIST, this::listPrompts, ListPromptsResult::prompts,
				ListPromptsResult::nextCursor);
	}

	@Override
	public Mono<GetPromptResult> getPrompt(String name, Map<String, String> arguments) {
		return call(McpMethods.PROMPTS_GET, new GetPromptRequest(name, new LinkedHashMap<>(arguments)),
				GetPromptResult.class);
	}

	@Override
	public Mono<CompleteResult> complete(CompleteRequest request) {
		return call(McpMethods.COMPLETION_COMPLETE, request, CompleteResult.class);
	}

	@Override
	public Mono<Void> setLoggingLevel(LoggingLevel level) {
		return connected(McpMethods.LOGGING_SET_LEVEL,
				(dialect) -> dialect.setLoggingLevel(level, this.settings.requestTimeout()));
	}

	@Override
	public <T> Mono<T> request(String method, @Nullable Object params, Class<T> resultType) {
		return call(method, params, resultType);
	}

	@Override
	public Mono<Void> notify(String method, @Nullable Object params) {
		return connected(method, (dialect) -> this.rpc.notify(method, params, this.settings.requestTimeout()));
	}

	@Override
	public Mono<Void> close() {
		return this.lifecycle.close();
	}

	// Every public call takes its turn in the connection's bulkhead, then runs on an
	// established connection in its era's dialect.
	private <T> Mono<T> connected(String method, Function<Dialect, Mono<T>> operation) {
		Mono<T> call = this.bulkhead.run(method, () -> this.lifecycle.connected(operation));
		return this.observations.enabled() ? this.observations.underCallerObservation(call) : call;
	}

	private <T> Mono<T> call(String method, @Nullable Object params, Class<T> resultType) {
		return connected(method, (dialect) -> call(dialect, method, params, resultType));
	}

	private <T> Mono<T> call(Dialect dialect, String method, @Nullable Object params, Class<T> resultType) {
		// A refresh of the tool list runs inside the call that needs it, holding its
		// turn.
		return dialect
			.call(method, params, this.settings.requestTimeout(),
					() -> allPages(McpMethods.TOOLS_LIST, (cursor) -> toolsPage(dialect, cursor),
							ListToolsResult::tools, ListToolsResult::nextCursor)
						.then())
			.map((result) -> this.results.convert(result, resultType, method));
	}

	private Mono<ListToolsResult> toolsPage(Dialect dialect, @Nullable String cursor) {
		return call(dialect, McpMethods.TOOLS_LIST, new PaginatedRequest(cursor), ListToolsResult.class)
			.map(dialect::usableTools);
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
					return Mono.error(new McpInvalidResponseException(name(), method, "server returned cursor '"
							+ this.redactor.redact(cursor) + "' twice; stopping an endless listing"));
				}
				return page.apply(cursor);
			});
		}).concatMapIterable(items);
	}

	// Tool arguments are free-form JSON, where null is a value like any other; the
	// request copies them, so they are passed on as they are rather than copied twice.
	@SuppressWarnings("unchecked")
	private static Map<String, Object> copy(Map<String, ?> arguments) {
		return (Map<String, Object>) arguments;
	}

	@Override
	public String toString() {
		return "DefaultReactiveMcpClient[" + name() + "]";
	}

}
