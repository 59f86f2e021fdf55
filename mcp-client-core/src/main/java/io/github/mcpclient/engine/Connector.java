package io.github.mcpclient.engine;

import java.util.ArrayList;
import java.util.List;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.exception.McpProtocolException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.exception.UnsupportedProtocolVersionException;
import io.github.mcpclient.protocol.ClientCapabilities;
import io.github.mcpclient.protocol.DiscoverResult;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.InitializeRequest;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.JsonRpcError;
import io.github.mcpclient.protocol.ProtocolVersion;
import io.github.mcpclient.transport.McpSessionFilter;
import io.github.mcpclient.transport.StreamableHttpTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connects a client to its server in the right protocol era: the legacy initialize
 * handshake, the modern {@code server/discover}, or, when the era is not pinned, a
 * discover probe whose answer decides between them and is remembered per origin.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">Versioning</a>
 */
final class Connector {

	static final String DISCOVER = "server/discover";

	private static final Log logger = LogFactory.getLog(Connector.class);

	private final McpClientSettings settings;

	private final ClientCapabilities capabilities;

	private final RpcChannel rpc;

	private final McpSessionHolder holder;

	private final StreamableHttpTransport transport;

	private final ModernRequests modernRequests;

	private final JsonMapper mapper;

	private final EraVerdicts eraVerdicts;

	Connector(McpClientSettings settings, ClientCapabilities capabilities, RpcChannel rpc, McpSessionHolder holder,
			StreamableHttpTransport transport, ModernRequests modernRequests, JsonMapper mapper,
			EraVerdicts eraVerdicts) {
		this.eraVerdicts = eraVerdicts;
		this.settings = settings;
		this.capabilities = capabilities;
		this.rpc = rpc;
		this.holder = holder;
		this.transport = transport;
		this.modernRequests = modernRequests;
		this.mapper = mapper;
	}

	/**
	 * Connect in whichever era applies; the holder is established on success.
	 * @return the connection
	 */
	Mono<Connection> connect() {
		return Mono.defer(() -> {
			this.holder.initializing();
			List<String> legacy = this.settings.protocol().versionsOf(Era.LEGACY);
			List<String> modern = this.settings.protocol().versionsOf(Era.MODERN);
			if (modern.isEmpty()) {
				return legacy();
			}
			if (legacy.isEmpty()) {
				return discover(modern.get(0)).flatMap(this::modernOrFail);
			}
			Era verdict = this.eraVerdicts.get(this.settings.url());
			if (verdict == Era.LEGACY) {
				return legacy().doOnError(this::forgetOnEraEvidence);
			}
			return probe(modern.get(0), true).doOnError(this::forgetOnEraEvidence);
		});
	}

	private Mono<Connection> probe(String version, boolean mayRetry) {
		return discover(version).flatMap((result) -> {
			if (mutual(result.supportedVersions()) != null) {
				return modernOrFail(result);
			}
			return legacyVerdict("its discover result lists only " + result.supportedVersions());
		}).onErrorResume(McpException.class, (ex) -> {
			if (!isEraEvidence(ex)) {
				return Mono.error(ex);
			}
			List<String> supported = supportedVersions(ex);
			String retry = (supported != null) ? mutual(supported) : null;
			// One corrective retry per connection attempt, even with the version just
			// refused: a server may list the very version it rejected (a transient
			// refusal); a second refusal fails below.
			if (retry != null && mayRetry) {
				return probe(retry, false);
			}
			if (supported != null && supported.stream().anyMatch((v) -> ProtocolVersion.eraOf(v) == Era.MODERN)
					&& this.settings.protocol().versionsOf(Era.LEGACY).stream().noneMatch(supported::contains)) {
				return Mono.error(new UnsupportedProtocolVersionException(this.settings.connectionName(), DISCOVER,
						version, String.join(", ", supported), this.settings.protocol().versions()));
			}
			return legacyVerdict("it answered the discover probe with " + ex.getMessage());
		});
	}

	private Mono<Connection> legacyVerdict(String reason) {
		logger.debug("Connection '" + this.settings.connectionName() + "' speaks the legacy era: " + reason);
		this.eraVerdicts.remember(this.settings.url(), Era.LEGACY);
		return legacy();
	}

	private Mono<DiscoverResult> discover(String version) {
		RequestShape shape = RequestShape.modern(this.modernRequests, version);
		return this.rpc.request(DISCOVER, null, this.settings.initializeTimeout(), false, shape)
			.map((result) -> convert(result, DiscoverResult.class, DISCOVER));
	}

	private Mono<Connection> modernOrFail(DiscoverResult result) {
		String version = mutual(result.supportedVersions());
		if (version == null) {
			return Mono.error(new UnsupportedProtocolVersionException(this.settings.connectionName(), DISCOVER,
					this.settings.protocol().versionsOf(Era.MODERN).get(0),
					String.join(", ", result.supportedVersions()), this.settings.protocol().versions()));
		}
		this.eraVerdicts.remember(this.settings.url(), Era.MODERN);
		Implementation serverInfo = (result.serverInfo() != null) ? result.serverInfo()
				: new Implementation("unknown", "");
		InitializeResult connected = new InitializeResult(version, result.capabilities(), serverInfo,
				result.instructions(), result.meta());
		this.holder.established(version, serverInfo, connected.capabilities(), result.instructions());
		return Mono.just(new Connection(connected, RequestShape.modern(this.modernRequests, version)));
	}

	private Mono<Connection> legacy() {
		List<String> accepted = this.settings.protocol().versionsOf(Era.LEGACY);
		InitializeRequest request = new InitializeRequest(accepted.get(0), this.capabilities,
				this.settings.clientInfo());
		return this.rpc.request(McpSessionFilter.INITIALIZE, request, this.settings.initializeTimeout(), false)
			.onErrorMap((ex) -> ex instanceof McpException mcp && supportedVersions(mcp) != null,
					(ex) -> new UnsupportedProtocolVersionException(this.settings.connectionName(),
							McpSessionFilter.INITIALIZE, accepted.get(0),
							String.join(", ", supportedVersions((McpException) ex)), accepted))
			.map((result) -> convert(result, InitializeResult.class, McpSessionFilter.INITIALIZE))
			.flatMap((result) -> {
				if (!accepted.contains(result.protocolVersion())) {
					return abandon(new UnsupportedProtocolVersionException(this.settings.connectionName(),
							McpSessionFilter.INITIALIZE, accepted.get(0), result.protocolVersion(), accepted));
				}
				this.holder.established(result.protocolVersion(), result.serverInfo(), result.capabilities(),
						result.instructions());
				return this.rpc.notify("notifications/initialized", null)
					.thenReturn(new Connection(result, RequestShape.LEGACY));
			});
	}

	// A server we cannot talk to may still have opened a session: end it politely.
	private Mono<Connection> abandon(McpException reason) {
		Mono<Void> terminate = this.holder.current().hasSessionId() ? this.transport.terminate() : Mono.empty();
		return terminate.onErrorResume((ex) -> Mono.empty()).then(Mono.error(reason));
	}

	// A remembered verdict that no longer holds is dropped, so the next attempt probes.
	private void forgetOnEraEvidence(Throwable ex) {
		if (ex instanceof McpException mcp && isEraEvidence(mcp)) {
			this.eraVerdicts.forget(this.settings.url());
		}
	}

	/**
	 * Whether a failure says something about the server's era: a JSON-RPC error, or a
	 * client error status other than an authentication failure. Server errors, timeouts
	 * and I/O failures say nothing.
	 */
	static boolean isEraEvidence(McpException ex) {
		if (ex instanceof McpProtocolException || ex instanceof UnsupportedProtocolVersionException) {
			return true;
		}
		if (ex instanceof McpTransportException transport) {
			int status = transport.getStatus();
			return status >= 400 && status < 500 && !transport.isAuthenticationFailure();
		}
		return false;
	}

	private static @Nullable List<String> supportedVersions(McpException ex) {
		JsonRpcError error = (ex instanceof McpProtocolException protocol) ? protocol.getError()
				: (ex instanceof McpTransportException transport) ? transport.getRpcError() : null;
		if (error == null || error.code() != JsonRpcError.UNSUPPORTED_VERSION || error.data() == null) {
			return null;
		}
		JsonNode supported = error.data().get("supported");
		if (supported == null || !supported.isArray()) {
			return null;
		}
		List<String> versions = new ArrayList<>();
		supported.forEach((version) -> versions.add(version.asString("")));
		return versions;
	}

	private @Nullable String mutual(List<String> serverVersions) {
		return this.settings.protocol()
			.versionsOf(Era.MODERN)
			.stream()
			.filter(serverVersions::contains)
			.findFirst()
			.orElse(null);
	}

	private <T> T convert(JsonNode result, Class<T> type, String method) {
		try {
			return this.mapper.treeToValue(result, type);
		}
		catch (JacksonException | NullPointerException ex) {
			throw new McpTransportException(this.settings.connectionName(), method,
					"server result does not match " + type.getSimpleName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * An established connection: what the server said about itself, and how requests must
	 * look.
	 *
	 * @param result the initialize result, or its modern equivalent built from discover
	 * @param shape the era's request shape
	 */
	record Connection(InitializeResult result, RequestShape shape) {
	}

}
