package io.github.mcpclient.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.exception.McpInvalidResponseException;
import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.JsonRpcRequest;
import io.github.mcpclient.protocol.McpMethods;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Requests in the modern era (2026-07-28): answers {@code input_required} results by
 * running the client's handlers and sending the request again, retries a tool call once
 * after refreshing stale header mappings, and caches what servers say may be cached.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr">Multi
 * round-trip requests</a>
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching">Caching</a>
 */
final class ModernCalls {

	static final int MAX_INPUT_ROUNDS = 10;

	private static final Set<String> CACHEABLE = Set.of(McpMethods.TOOLS_LIST, McpMethods.PROMPTS_LIST,
			McpMethods.RESOURCES_LIST, McpMethods.RESOURCES_TEMPLATES_LIST, McpMethods.RESOURCES_READ);

	private final String connectionName;

	private final RpcChannel rpc;

	private final ServerMessageHandler serverMessages;

	private final JsonMapper mapper;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	ModernCalls(String connectionName, RpcChannel rpc, ServerMessageHandler serverMessages, JsonMapper mapper,
			Clock clock) {
		this.connectionName = connectionName;
		this.rpc = rpc;
		this.serverMessages = serverMessages;
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * Send a request and see it through to its complete result.
	 * @param method the method
	 * @param params the parameters, or {@code null}
	 * @param timeout how long each exchange may take
	 * @param dialect the modern dialect that shapes the requests
	 * @param refreshTools lists the tools again, for a tool call whose headers the server
	 * rejected
	 * @return the complete result
	 */
	Mono<JsonNode> request(String method, @Nullable Object params, Duration timeout, Dialect dialect,
			Supplier<Mono<?>> refreshTools) {
		ObjectNode paramsNode = (params != null) ? this.mapper.valueToTree(params) : this.mapper.createObjectNode();
		boolean cacheable = CACHEABLE.contains(method);
		String key = cacheable ? method + " " + paramsNode : method;
		if (cacheable) {
			Cached cached = this.cache.get(key);
			if (cached != null && cached.expires().isAfter(this.clock.instant())) {
				return Mono.just(cached.result());
			}
		}
		// A result that took input rounds answered those inputs, not the plain request.
		AtomicBoolean tookInput = new AtomicBoolean();
		Mono<JsonNode> result = rounds(method, paramsNode, timeout, dialect, 1, tookInput);
		if (McpMethods.TOOLS_CALL.equals(method)) {
			result = result.onErrorResume(ModernCalls::isHeaderMismatch,
					(ex) -> refreshTools.get().then(rounds(method, paramsNode, timeout, dialect, 1, tookInput)));
		}
		return result.doOnNext((complete) -> {
			if (cacheable && !tookInput.get()) {
				remember(key, complete);
			}
		});
	}

	/**
	 * Drop cached results a notification says are out of date.
	 * @param method the notification method
	 * @param params its parameters
	 */
	void invalidate(String method, @Nullable JsonNode params) {
		String prefix = switch (method) {
			case McpMethods.NOTIFICATION_TOOLS_LIST_CHANGED -> "tools/list ";
			case McpMethods.NOTIFICATION_PROMPTS_LIST_CHANGED -> "prompts/list ";
			case McpMethods.NOTIFICATION_RESOURCES_LIST_CHANGED -> "resources/";
			case McpMethods.NOTIFICATION_RESOURCES_UPDATED -> "resources/read ";
			default -> null;
		};
		if (prefix != null) {
			this.cache.keySet().removeIf((key) -> key.startsWith(prefix));
		}
	}

	private Mono<JsonNode> rounds(String method, ObjectNode params, Duration timeout, Dialect dialect, int round,
			AtomicBoolean tookInput) {
		return this.rpc.request(method, params, timeout, false, dialect).flatMap((result) -> {
			if (!"input_required".equals(result.path("resultType").asString("complete"))) {
				return Mono.just(result);
			}
			if (round >= MAX_INPUT_ROUNDS) {
				return Mono.error(new McpInvalidResponseException(this.connectionName, method,
						"server still asked for input after " + round + " rounds; giving up"));
			}
			tookInput.set(true);
			return inputResponses(method, result.get("inputRequests")).flatMap((responses) -> {
				ObjectNode next = params.deepCopy();
				next.remove(List.of("inputResponses", "requestState"));
				if (!responses.isEmpty()) {
					next.set("inputResponses", responses);
				}
				JsonNode state = result.get("requestState");
				if (state != null && !state.isNull()) {
					next.set("requestState", state);
				}
				return rounds(method, next, timeout, dialect, round + 1, tookInput);
			});
		});
	}

	private Mono<ObjectNode> inputResponses(String method, @Nullable JsonNode inputRequests) {
		List<Map.Entry<String, JsonNode>> requests = new ArrayList<>();
		if (inputRequests != null && inputRequests.isObject()) {
			inputRequests.properties().forEach(requests::add);
		}
		ObjectNode responses = this.mapper.createObjectNode();
		return Flux.fromIterable(requests)
			.concatMap((entry) -> answer(method, entry.getKey(), entry.getValue())
				.doOnNext((answer) -> responses.set(entry.getKey(), answer)))
			.then(Mono.fromSupplier(() -> responses));
	}

	private Mono<JsonNode> answer(String method, String key, JsonNode inputRequest) {
		String inputMethod = inputRequest.path("method").asString("");
		JsonRpcRequest request = new JsonRpcRequest(StringNode.valueOf(key), inputMethod, inputRequest.get("params"));
		return this.rpc.answer(request).flatMap((response) -> {
			JsonRpcError error = response.error();
			if (error != null) {
				return Mono.error(new McpException(this.connectionName, method, "server asked for input '" + key + "' ("
						+ inputMethod + ") that this client cannot give: " + error.message()));
			}
			JsonNode result = response.result();
			return Mono.just((result != null) ? result : (JsonNode) this.mapper.createObjectNode());
		});
	}

	private void remember(String key, JsonNode result) {
		long ttl = result.path("ttlMs").asLong(0);
		if (ttl > 0) {
			this.cache.put(key, new Cached(result, this.clock.instant().plusMillis(ttl)));
		}
	}

	private static boolean isHeaderMismatch(Throwable ex) {
		JsonRpcError error = (ex instanceof McpException mcp) ? mcp.getRpcError() : null;
		return error != null && error.code() == JsonRpcError.HEADER_MISMATCH;
	}

	private record Cached(JsonNode result, Instant expires) {
	}

}
