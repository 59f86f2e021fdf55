package io.github.mcpclient;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.JsonRpcNotification;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.protocol.JsonRpcResponse;
import io.github.mcpclient.protocol.ListPromptsResult;
import io.github.mcpclient.protocol.ListResourceTemplatesResult;
import io.github.mcpclient.protocol.ListResourcesResult;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.McpException;
import io.github.mcpclient.protocol.McpProtocolException;
import io.github.mcpclient.protocol.McpTimeoutException;
import io.github.mcpclient.protocol.PaginatedRequest;
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
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;

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

	private final ServerMessageHandler serverMessages;

	private final AtomicLong requestIds = new AtomicLong();

	// The handshake in progress or completed; null when the next call must start one.
	private final AtomicReference<@Nullable Mono<InitializeResult>> handshake = new AtomicReference<>();

	DefaultReactiveMcpClient(McpClientSettings settings, StreamableHttpTransport transport, McpSessionHolder holder,
			JsonMapper mapper) {
		this.settings = settings;
		this.transport = transport;
		this.holder = holder;
		this.mapper = mapper;
		this.serverMessages = new ServerMessageHandler(settings.connectionName());
	}

	/**
	 * Create a client whose HTTP traffic goes through a clone of the given builder, with
	 * the connection's session filter added closest to the wire.
	 * @param settings the connection settings
	 * @param webClientBuilder the builder to clone
	 * @param mapper the JSON mapper
	 * @return the client
	 */
	public static DefaultReactiveMcpClient create(McpClientSettings settings, WebClient.Builder webClientBuilder,
			JsonMapper mapper) {
		McpSessionHolder holder = new McpSessionHolder(settings.connectionName(), settings.url());
		WebClient webClient = webClientBuilder.clone()
			.defaultHeaders((headers) -> settings.headers().forEach(headers::set))
			.filter(new McpSessionFilter(holder))
			.build();
		StreamableHttpTransport transport = new StreamableHttpTransport(settings.connectionName(), settings.url(),
				webClient, new JsonRpcCodec(mapper), holder, settings.limits());
		return new DefaultReactiveMcpClient(settings, transport, holder, mapper);
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
		return connected(() -> sendNotification(method, params)).then();
	}

	@Override
	public Mono<Void> close() {
		return Mono.defer(() -> {
			Mono<InitializeResult> current = this.handshake.getAndSet(null);
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
		return connected(() -> exchange(method, params).timeout(this.settings.requestTimeout())
			.onErrorMap(TimeoutException.class,
					(ex) -> new McpTimeoutException(name(), method, this.settings.requestTimeout())))
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
			InitializeRequest request = new InitializeRequest(accepted.get(0), this.settings.capabilities(),
					this.settings.clientInfo());
			return exchange(McpSessionFilter.INITIALIZE, request)
				.map((result) -> convert(result, InitializeResult.class, McpSessionFilter.INITIALIZE))
				.flatMap((result) -> {
					if (!accepted.contains(result.protocolVersion())) {
						return abandon(new UnsupportedProtocolVersionException(name(), McpSessionFilter.INITIALIZE,
								accepted.get(0), result.protocolVersion(), accepted));
					}
					this.holder.established(result.protocolVersion(), result.serverInfo(), result.capabilities(),
							result.instructions());
					return sendNotification("notifications/initialized", null).thenReturn(result);
				})
				.timeout(this.settings.initializeTimeout())
				.onErrorMap(TimeoutException.class, (ex) -> new McpTimeoutException(name(),
						McpSessionFilter.INITIALIZE, this.settings.initializeTimeout()))
				.doOnError(this.holder::failed);
		});
	}

	// A server we cannot talk to may still have opened a session: end it politely.
	private Mono<InitializeResult> abandon(McpException reason) {
		Mono<Void> terminate = this.holder.snapshot().hasSessionId() ? this.transport.terminate() : Mono.empty();
		return terminate.onErrorResume((ex) -> Mono.empty()).then(Mono.error(reason));
	}

	private Mono<JsonNode> exchange(String method, @Nullable Object params) {
		return Mono.defer(() -> {
			JsonNode id = LongNode.valueOf(this.requestIds.incrementAndGet());
			JsonRpcRequest request = new JsonRpcRequest(id, method, toParams(params));
			AtomicReference<@Nullable JsonNode> strayId = new AtomicReference<>();
			this.holder.recordRequest();
			return this.transport.post(request, method)
				.concatMap((message) -> receive(message, id, strayId))
				.next()
				.switchIfEmpty(Mono.error(() -> noResponse(method, id, strayId.get())))
				.flatMap((response) -> {
					this.holder.recordActivity();
					if (response.error() != null) {
						return Mono.error(new McpProtocolException(name(), method, response.error()));
					}
					JsonNode result = response.result();
					return Mono.just((result != null) ? result : NullNode.getInstance());
				});
		});
	}

	private Mono<JsonRpcResponse> receive(JsonRpcMessage message, JsonNode id, AtomicReference<@Nullable JsonNode> strayId) {
		if (message instanceof JsonRpcResponse response) {
			if (response.answers(id)) {
				return Mono.just(response);
			}
			strayId.set(response.id());
		}
		else if (message instanceof JsonRpcRequest request) {
			return this.serverMessages.answer(request)
				.flatMap((answer) -> this.transport.post(answer, request.method()).then())
				.onErrorResume((ex) -> {
					logger.debug("Connection '" + name() + "' could not answer server request '" + request.method()
							+ "'", ex);
					return Mono.empty();
				})
				.then(Mono.empty());
		}
		else if (message instanceof JsonRpcNotification notification) {
			this.serverMessages.accept(notification);
		}
		return Mono.empty();
	}

	private Mono<Void> sendNotification(String method, @Nullable Object params) {
		return Mono.defer(() -> {
			this.holder.recordRequest();
			return this.transport.post(new JsonRpcNotification(method, toParams(params)), method)
				.then()
				.doOnSuccess((done) -> this.holder.recordActivity());
		});
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

	private McpException noResponse(String method, JsonNode id, @Nullable JsonNode strayId) {
		String detail = (strayId != null)
				? "server answered with id " + strayId + " but the request had id " + id
				: "server ended the response without answering request " + id;
		return new McpTransportException(name(), method, detail, null);
	}

	private @Nullable JsonNode toParams(@Nullable Object params) {
		return (params != null) ? this.mapper.valueToTree(params) : null;
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
