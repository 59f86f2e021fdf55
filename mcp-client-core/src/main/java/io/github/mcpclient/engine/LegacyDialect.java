package io.github.mcpclient.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.exception.UnsupportedProtocolVersionException;
import io.github.mcpclient.protocol.ClientCapabilities;
import io.github.mcpclient.protocol.EmptyResult;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.InitializeRequest;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.JsonRpcMessage;
import io.github.mcpclient.protocol.ListToolsResult;
import io.github.mcpclient.protocol.LoggingLevel;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.protocol.SetLevelRequest;
import io.github.mcpclient.transport.SseStreamState;
import io.github.mcpclient.transport.StreamableHttpTransport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * The legacy era (2025-11-25 and older): an {@code initialize} handshake that may open a
 * session, parameters sent as given, resumable event streams, cancellation announced, a
 * GET stream for server messages, and a DELETE that ends the session.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle</a>
 */
final class LegacyDialect implements Dialect {

	private final McpClientSettings settings;

	private final ClientCapabilities capabilities;

	private final RpcChannel rpc;

	private final McpSessionHolder holder;

	private final StreamableHttpTransport transport;

	private final ResultConverter results;

	private final McpObservations observations;

	LegacyDialect(McpClientSettings settings, ClientCapabilities capabilities, RpcChannel rpc, McpSessionHolder holder,
			StreamableHttpTransport transport, ResultConverter results, McpObservations observations) {
		this.observations = observations;
		this.settings = settings;
		this.capabilities = capabilities;
		this.rpc = rpc;
		this.holder = holder;
		this.transport = transport;
		this.results = results;
	}

	/**
	 * The handshake: {@code initialize} with our preferred version, a check that the
	 * server settled on one we speak, then {@code notifications/initialized}. The holder
	 * is established on success.
	 * @return the server's initialize result
	 */
	Mono<InitializeResult> handshake() {
		// A session's duration runs from initialize to its end, failed handshakes
		// included.
		return this.observations.enabled() ? Mono.fromRunnable(this.observations::sessionStarting).then(initialize())
				: initialize();
	}

	private Mono<InitializeResult> initialize() {
		List<String> accepted = this.settings.protocol().versionsOf(Era.LEGACY);
		String preferred = accepted.get(0);
		InitializeRequest request = new InitializeRequest(preferred, this.capabilities, this.settings.clientInfo());
		return this.rpc.request(McpMethods.INITIALIZE, request, this.settings.initializeTimeout(), false, this)
			.onErrorMap((ex) -> ex instanceof McpException mcp && SupportedVersions.of(mcp) != null,
					(ex) -> refused(preferred, SupportedVersions.of((McpException) ex), accepted))
			.map((result) -> this.results.convert(result, InitializeResult.class, McpMethods.INITIALIZE))
			.flatMap((result) -> {
				if (!accepted.contains(result.protocolVersion())) {
					return abandon(refused(preferred, List.of(result.protocolVersion()), accepted));
				}
				this.holder.established(result.protocolVersion(), result.serverInfo(), result.capabilities(),
						result.instructions());
				this.observations.sessionEstablished(result.protocolVersion());
				return this.rpc.notify(McpMethods.NOTIFICATION_INITIALIZED, null, this.settings.initializeTimeout())
					.thenReturn(result);
			});
	}

	private UnsupportedProtocolVersionException refused(String requested, @Nullable List<String> serverVersions,
			List<String> accepted) {
		return new UnsupportedProtocolVersionException(this.settings.connectionName(), McpMethods.INITIALIZE, requested,
				(serverVersions != null) ? serverVersions : List.of(), accepted);
	}

	// A server we cannot talk to may still have opened a session: end it politely.
	private <T> Mono<T> abandon(McpException reason) {
		return close().onErrorResume((ex) -> Mono.empty()).then(Mono.error(reason));
	}

	@Override
	public Era era() {
		return Era.LEGACY;
	}

	@Override
	public @Nullable JsonNode params(String method, @Nullable JsonNode params) {
		return params;
	}

	@Override
	public boolean shapesParams() {
		return false;
	}

	@Override
	public HttpHeaders headers(String method, @Nullable JsonNode params) {
		return HttpHeaders.EMPTY;
	}

	@Override
	public boolean resumesStreams() {
		return true;
	}

	@Override
	public boolean announcesCancellation() {
		return true;
	}

	@Override
	public Mono<JsonNode> call(String method, @Nullable Object params, Duration timeout,
			Supplier<Mono<?>> refreshTools) {
		return this.rpc.request(method, params, timeout, true, this);
	}

	@Override
	public Mono<Void> ping(Duration timeout) {
		return this.rpc.request(McpMethods.PING, null, timeout, true, this).then();
	}

	@Override
	public Mono<Void> setLoggingLevel(LoggingLevel level, Duration timeout) {
		return this.rpc.request(McpMethods.LOGGING_SET_LEVEL, new SetLevelRequest(level), timeout, true, this)
			.map((result) -> this.results.convert(result, EmptyResult.class, McpMethods.LOGGING_SET_LEVEL))
			.then();
	}

	@Override
	public ListToolsResult usableTools(ListToolsResult result) {
		return result;
	}

	@Override
	public Flux<JsonRpcMessage> listen(SseStreamState stream, Runnable onAnswer) {
		return this.transport.listen(stream, onAnswer);
	}

	@Override
	public void onNotification(String method, @Nullable JsonNode params) {
	}

	@Override
	public Mono<Void> close() {
		return this.holder.current().hasSessionId() ? this.transport.terminate() : Mono.empty();
	}

}
