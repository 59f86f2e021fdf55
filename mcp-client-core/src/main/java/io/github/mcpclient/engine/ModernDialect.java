package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.mcpclient.protocol.DiscoverResult;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.protocol.ServerCapabilities;
import io.github.mcpclient.transport.SseStreamState;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * The modern era (2026-07-28) at one protocol version: no handshake and no session,
 * metadata and mirrored headers on every request, calls that may come back asking for
 * input, cacheable results, {@code server/discover} as the ping,
 * {@code subscriptions/listen} for server messages, and cancellation by closing the
 * stream. One instance serves one connection, so its cache starts empty with each.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http">Streamable
 * HTTP</a>
 */
final class ModernDialect implements Dialect {

	private final String connectionName;

	private final String version;

	private final ModernRequests requests;

	private final RpcChannel rpc;

	private final McpSessionHolder holder;

	private final ModernCalls calls;

	private final ResultConverter results;

	ModernDialect(String connectionName, String version, ModernRequests requests, RpcChannel rpc,
			McpSessionHolder holder, ModernCalls calls, ResultConverter results) {
		this.connectionName = connectionName;
		this.version = version;
		this.requests = requests;
		this.rpc = rpc;
		this.holder = holder;
		this.calls = calls;
		this.results = results;
	}

	/**
	 * The protocol version this dialect speaks.
	 * @return the version
	 */
	String version() {
		return this.version;
	}

	/**
	 * Ask the server who it is, what it offers and which versions it speaks.
	 * @param timeout how long it may take
	 * @return the server's answer
	 */
	Mono<DiscoverResult> discover(Duration timeout) {
		return this.rpc.request(McpMethods.SERVER_DISCOVER, null, timeout, false, this)
			.map((result) -> this.results.convert(result, DiscoverResult.class, McpMethods.SERVER_DISCOVER));
	}

	@Override
	public Era era() {
		return Era.MODERN;
	}

	@Override
	public JsonNode params(String method, @Nullable JsonNode params) {
		return this.requests.params(this.version, params);
	}

	@Override
	public HttpHeaders headers(String method, @Nullable JsonNode params) {
		return this.requests.headers(this.version, method,
				(params != null) ? params : this.requests.params(this.version, null));
	}

	@Override
	public boolean resumesStreams() {
		return false;
	}

	@Override
	public boolean announcesCancellation() {
		return false;
	}

	@Override
	public Mono<JsonNode> call(String method, @Nullable Object params, Duration timeout,
			Supplier<Mono<?>> refreshTools) {
		// Each exchange is bounded, and so are all of a call's input rounds together.
		return Deadlines.within(this.calls.request(method, params, timeout, this, refreshTools), timeout,
				this.connectionName, method);
	}

	@Override
	public Mono<Void> ping(Duration timeout) {
		// The modern era has no ping; discover is the cheapest request every server
		// answers.
		return this.rpc.request(McpMethods.SERVER_DISCOVER, null, timeout, false, this).then();
	}

	@Override
	public Mono<Void> setLoggingLevel(LoggingLevel level, Duration timeout) {
		// Modern requests carry the level in their metadata instead.
		this.requests.logLevel(level);
		return Mono.empty();
	}

	@Override
	public ListToolsResult usableTools(ListToolsResult result) {
		return result.withTools(this.requests.usable(result.tools()));
	}

	@Override
	public Flux<JsonRpcMessage> listen(SseStreamState stream, Runnable onAnswer) {
		ServerCapabilities capabilities = this.holder.current().serverCapabilities();
		Map<String, Object> notifications = new LinkedHashMap<>();
		if (capabilities != null && capabilities.tools() != null) {
			notifications.put("toolsListChanged", true);
		}
		if (capabilities != null && capabilities.prompts() != null) {
			notifications.put("promptsListChanged", true);
		}
		if (capabilities != null && capabilities.resources() != null) {
			notifications.put("resourcesListChanged", true);
		}
		return this.rpc.open(McpMethods.SUBSCRIPTIONS_LISTEN, Map.of("notifications", notifications), this)
			.doOnNext((message) -> onAnswer.run());
	}

	@Override
	public void onNotification(String method, @Nullable JsonNode params) {
		this.calls.invalidate(method, params);
	}

	@Override
	public Mono<Void> close() {
		// Nothing lives on the server between requests.
		return Mono.empty();
	}

}
