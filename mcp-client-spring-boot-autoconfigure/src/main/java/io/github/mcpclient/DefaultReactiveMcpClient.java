package io.github.mcpclient;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.mcpclient.protocol.CallToolRequest;
import io.github.mcpclient.protocol.CallToolResult;
import io.github.mcpclient.protocol.CompleteRequest;
import io.github.mcpclient.protocol.CompleteResult;
import io.github.mcpclient.protocol.EmptyResult;
import io.github.mcpclient.protocol.GetPromptResult;
import io.github.mcpclient.protocol.InitializeRequest;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.JsonRpcCodec;
import io.github.mcpclient.protocol.ListPromptsResult;
import io.github.mcpclient.protocol.ListResourceTemplatesResult;
import io.github.mcpclient.protocol.ListResourcesResult;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.McpException;
import io.github.mcpclient.protocol.McpTimeoutException;
import io.github.mcpclient.protocol.PaginatedRequest;
import io.github.mcpclient.protocol.ProgressNotification;
import io.github.mcpclient.protocol.Prompt;
import io.github.mcpclient.protocol.ReadResourceRequest;
import io.github.mcpclient.protocol.ReadResourceResult;
import io.github.mcpclient.protocol.Resource;
import io.github.mcpclient.protocol.ResourceTemplate;
import io.github.mcpclient.protocol.SetLevelRequest;
import io.github.mcpclient.protocol.GetPromptRequest;
import io.github.mcpclient.protocol.Tool;
import io.github.mcpclient.protocol.UnsupportedProtocolVersionException;
import io.github.mcpclient.session.McpSession;
import io.github.mcpclient.session.McpSessionHolder;
import io.github.mcpclient.session.McpSessionStatistics;
import io.github.mcpclient.session.SessionState;
import io.github.mcpclient.transport.McpSessionExpiredException;
import io.github.mcpclient.transport.McpSessionFilter;
import io.github.mcpclient.transport.McpTransportException;
import io.github.mcpclient.transport.StreamableHttpTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle</a>
 */
public final class DefaultReactiveMcpClient implements ReactiveMcpClient {

	private static final Log logger = LogFactory.getLog(DefaultReactiveMcpClient.class);

	private final McpClientSettings settings;

	private final StreamableHttpTransport transport;

	private final McpSessionHolder holder;

	private final JsonMapper mapper;

	private final McpClientHandlers handlers;

	private final ServerMessageHandler serverMessages;

	private final RpcChannel rpc;

	private final @Nullable ListeningStream listening;

	// The handshake in progress or completed; null when the next call must start one.
	private final AtomicReference<@Nullable Mono<InitializeResult>> handshake = new AtomicReference<>();

	DefaultReactiveMcpClient(McpClientSettings settings, McpClientHandlers handlers, StreamableHttpTransport transport,
			McpSessionHolder holder, JsonMapper mapper) {
		this.settings = settings;
		this.transport = transport;
		this.holder = holder;
		this.mapper = mapper;
		this.handlers = handlers;
		this.serverMessages = new ServerMessageHandler(settings.connectionName(), handlers, mapper);
		this.rpc = new RpcChannel(settings.connectionName(), transport, holder, this.serverMessages, mapper);
		this.listening = settings.listen() ? new ListeningStream(settings.connectionName(), transport,
				this.rpc::receive, (expired) -> forgetExpiredSession()) : null;
	}

	/**
	 * Create a client without handlers for server requests.
	 * @param settings the connection settings
	 * @param webClientBuilder the builder to clone
	 * @param mapper the JSON mapper
	 * @return the client
	 * @see #create(McpClientSettings, McpClientHandlers, WebClient.Builder, JsonMapper)
	 */
	public static DefaultReactiveMcpClient create(McpClientSettings settings, WebClient.Builder webClientBuilder,
			JsonMapper mapper) {
		return create(settings, McpClientHandlers.none(), webClientBuilder, mapper);
	}

	/**
	 * Create a client whose HTTP traffic goes through a clone of the given builder, with
	 * the connection's session filter added closest to the wire.
	 * @param settings the connection settings
	 * @param handlers the answers to server requests and the notification listeners
	 * @param webClientBuilder the builder to clone
	 * @param mapper the JSON mapper
	 * @return the client
	 */
	public static DefaultReactiveMcpClient create(McpClientSettings settings, McpClientHandlers handlers,
			WebClient.Builder webClientBuilder, JsonMapper mapper) {
		McpSessionHolder holder = new McpSessionHolder(settings.connectionName(), settings.url());
		WebClient webClient = webClientBuilder.clone()
			.defaultHeaders((headers) -> settings.headers().forEach(headers::set))
			.filter(new McpSessionFilter(holder))
			.build();
		StreamableHttpTransport transport = new StreamableHttpTransport(settings.connectionName(), settings.url(),
				webClient, new JsonRpcCodec(mapper), holder, settings.limits());
		return new DefaultReactiveMcpClient(settings, handlers, transport, holder, mapper);
	}

	@Override
	public String name() {
		return this.settings.connectionName();
	}

	@Override
	public McpSession session() {
		return this.holder.snapshot();
	}

	@Override
	public McpSessionStatistics statistics() {
		return this.holder.statistics();
	}

	@Override
	public Mono<InitializeResult> initialize() {
		return Mono.defer(this::currentHandshake).doOnError(this.holder::recordFailure);
	}

	@Override
	public Mono<Void> ping() {
		return call("ping", null, EmptyResult.class).then();
	}

	@Override
	public Mono<ListToolsResult> listTools(@Nullable String cursor) {
		return call("tools/list", new PaginatedRequest(cursor), ListToolsResult.class);
	}

	@Override
	public Flux<Tool> listAllTools() {
		return allPages("tools/list", this::listTools, ListToolsResult::tools, ListToolsResult::nextCursor);
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments) {
		return call("tools/call", new CallToolRequest(name, Map.copyOf(arguments), null), CallToolResult.class);
	}

	@Override
	public Mono<CallToolResult> callTool(String name, Map<String, ?> arguments,
			Consumer<ProgressNotification> progressListener) {
		return Mono.using(() -> this.serverMessages.registerProgress(progressListener),
				(token) -> call("tools/call", new CallToolRequest(name, Map.copyOf(arguments),
						Map.of("progressToken", token)), CallToolResult.class),
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
		return call("prompts/get", new GetPromptRequest(name, Map.copyOf(arguments)), GetPromptResult.class);
	}

	@Override
	public Mono<CompleteResult> complete(CompleteRequest request) {
		return call("completion/complete", request, CompleteResult.class);
	}

	@Override
	public Mono<Void> setLoggingLevel(LoggingLevel level) {
		return call("logging/setLevel", new SetLevelRequest(level), EmptyResult.class).then();
	}

	@Override
	public <T> Mono<T> request(String method, @Nullable Object params, Class<T> resultType) {
		return call(method, params, resultType);
	}

	@Override
	public Mono<Void> notify(String method, @Nullable Object params) {
		return connected(() -> this.rpc.notify(method, params));
	}

	@Override
	public Mono<Void> close() {
		return Mono.defer(() -> {
			Mono<InitializeResult> current = this.handshake.getAndSet(null);
			if (this.listening != null) {
				this.listening.stop();
			}
			Mono<Void> terminate = this.holder.snapshot().hasSessionId() ? this.transport.terminate() : Mono.empty();
			if (current != null && logger.isDebugEnabled()) {
				logger.debug("Closing connection '" + name() + "'");
			}
			// Local state is cleared however the server answers, before the caller hears back.
			return terminate.timeout(this.settings.requestTimeout())
				.onErrorMap(TimeoutException.class, (ex) -> new McpTimeoutException(name(),
						StreamableHttpTransport.CLOSE, this.settings.requestTimeout()))
				.doOnTerminate(this.holder::closed)
				.doOnCancel(this.holder::closed);
		});
	}

	private <T> Mono<T> call(String method, @Nullable Object params, Class<T> resultType) {
		return connected(() -> this.rpc.request(method, params, this.settings.requestTimeout(), true))
			.map((result) -> convert(result, resultType, method));
	}

	// Runs an operation on an established session; a session the server forgot is dropped
	// so that the next call starts a new one, once, however many calls saw it expire.
	private <T> Mono<T> connected(Supplier<Mono<T>> operation) {
		return Mono.defer(() -> {
			Mono<InitializeResult> current = currentHandshake();
			return current.then(Mono.defer(operation))
				.onErrorResume(McpSessionExpiredException.class, (ex) -> {
					this.handshake.compareAndSet(current, null);
					return Mono.error(ex);
				});
		}).doOnError(this.holder::recordFailure);
	}

	// The listening stream saw the session expire; a newer session may already exist.
	private void forgetExpiredSession() {
		if (this.holder.snapshot().state() == SessionState.EXPIRED) {
			this.handshake.set(null);
		}
	}

	private Mono<InitializeResult> currentHandshake() {
		while (true) {
			Mono<InitializeResult> current = this.handshake.get();
			if (current != null) {
				return current;
			}
			AtomicReference<Mono<InitializeResult>> self = new AtomicReference<>();
			Mono<InitializeResult> attempt = performHandshake()
				.doOnError((ex) -> this.handshake.compareAndSet(self.get(), null))
				.cache();
			self.set(attempt);
			if (this.handshake.compareAndSet(null, attempt)) {
				return attempt;
			}
		}
	}

	private Mono<InitializeResult> performHandshake() {
		return Mono.defer(() -> {
			this.holder.initializing();
			List<String> accepted = this.settings.protocolVersions();
			InitializeRequest request = new InitializeRequest(accepted.get(0), this.handlers.capabilities(),
					this.settings.clientInfo());
			return this.rpc.request(McpSessionFilter.INITIALIZE, request, this.settings.initializeTimeout(), false)
				.map((result) -> convert(result, InitializeResult.class, McpSessionFilter.INITIALIZE))
				.flatMap((result) -> {
					if (!accepted.contains(result.protocolVersion())) {
						return abandon(new UnsupportedProtocolVersionException(name(), McpSessionFilter.INITIALIZE,
								accepted.get(0), result.protocolVersion(), accepted));
					}
					this.holder.established(result.protocolVersion(), result.serverInfo(), result.capabilities(),
							result.instructions());
					// Deferred, so that the GET goes out only once the server has taken the
					// notification, not while it is on its way.
					return this.rpc.notify("notifications/initialized", null)
						.then(Mono.defer(this::startListening))
						.thenReturn(result);
				})
				.timeout(this.settings.initializeTimeout())
				.onErrorMap(TimeoutException.class, (ex) -> new McpTimeoutException(name(),
						McpSessionFilter.INITIALIZE, this.settings.initializeTimeout()))
				.doOnError((ex) -> this.holder.failed());
		});
	}

	private Mono<Void> startListening() {
		return (this.listening != null) ? this.listening.start() : Mono.empty();
	}

	// A server we cannot talk to may still have opened a session: end it politely.
	private Mono<InitializeResult> abandon(McpException reason) {
		Mono<Void> terminate = this.holder.snapshot().hasSessionId() ? this.transport.terminate() : Mono.empty();
		return terminate.onErrorResume((ex) -> Mono.empty()).then(Mono.error(reason));
	}

	private <R, T> Flux<T> allPages(String method, Function<@Nullable String, Mono<R>> page,
			Function<R, List<T>> items, Function<R, @Nullable String> nextCursor) {
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
