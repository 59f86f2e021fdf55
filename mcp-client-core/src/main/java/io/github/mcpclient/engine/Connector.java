package io.github.mcpclient.engine;

import java.util.List;
import java.util.function.Function;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.exception.McpException;
import io.github.mcpclient.exception.McpProtocolException;
import io.github.mcpclient.exception.McpTransportException;
import io.github.mcpclient.exception.UnsupportedProtocolVersionException;
import io.github.mcpclient.protocol.DiscoverResult;
import io.github.mcpclient.protocol.Era;
import io.github.mcpclient.protocol.Implementation;
import io.github.mcpclient.protocol.InitializeResult;
import io.github.mcpclient.protocol.McpMethods;
import io.github.mcpclient.protocol.ProtocolVersion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Connects a client to its server in the right protocol era: the legacy dialect's
 * handshake, the modern dialect's {@code server/discover}, or, when the era is not
 * pinned, a discover probe whose answer decides between them and is remembered per
 * origin.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">Versioning</a>
 */
final class Connector {

	private static final Log logger = LogFactory.getLog(Connector.class);

	private final McpClientSettings settings;

	private final McpSessionHolder holder;

	private final LegacyDialect legacy;

	private final Function<String, ModernDialect> modern;

	private final EraVerdicts eraVerdicts;

	/**
	 * Create a connector.
	 * @param settings the connection settings
	 * @param holder the session state
	 * @param legacy the legacy dialect
	 * @param modern a new modern dialect for a protocol version
	 * @param eraVerdicts where era choices are remembered
	 */
	Connector(McpClientSettings settings, McpSessionHolder holder, LegacyDialect legacy,
			Function<String, ModernDialect> modern, EraVerdicts eraVerdicts) {
		this.settings = settings;
		this.holder = holder;
		this.legacy = legacy;
		this.modern = modern;
		this.eraVerdicts = eraVerdicts;
	}

	/**
	 * Connect in whichever era applies; the holder is established on success.
	 * @return the connection
	 */
	Mono<Connection> connect() {
		return Mono.defer(() -> {
			this.holder.initializing();
			List<String> legacyVersions = versionsOf(Era.LEGACY);
			List<String> modernVersions = versionsOf(Era.MODERN);
			if (modernVersions.isEmpty()) {
				return legacy();
			}
			if (legacyVersions.isEmpty()) {
				ModernDialect dialect = this.modern.apply(modernVersions.get(0));
				return discover(dialect).flatMap((result) -> modernOrFail(dialect, result));
			}
			if (this.eraVerdicts.get(this.settings.url()) == Era.LEGACY) {
				return legacy().doOnError(this::forgetOnEraEvidence);
			}
			return probe(modernVersions.get(0), true).doOnError(this::forgetOnEraEvidence);
		});
	}

	private Mono<Connection> probe(String version, boolean mayRetry) {
		ModernDialect dialect = this.modern.apply(version);
		return discover(dialect).flatMap((result) -> {
			if (mutual(result.supportedVersions()) != null) {
				return modernOrFail(dialect, result);
			}
			return legacyVerdict("its discover result lists only " + result.supportedVersions());
		}).onErrorResume(McpException.class, (ex) -> {
			if (!isEraEvidence(ex)) {
				return Mono.error(ex);
			}
			List<String> supported = SupportedVersions.of(ex);
			String retry = (supported != null) ? mutual(supported) : null;
			// One corrective retry per connection attempt, even with the version just
			// refused: a server may list the very version it rejected (a transient
			// refusal); a second refusal fails below.
			if (retry != null && mayRetry) {
				return probe(retry, false);
			}
			if (supported != null && supported.stream().anyMatch((v) -> ProtocolVersion.eraOf(v) == Era.MODERN)
					&& versionsOf(Era.LEGACY).stream().noneMatch(supported::contains)) {
				return Mono.error(new UnsupportedProtocolVersionException(this.settings.connectionName(),
						McpMethods.SERVER_DISCOVER, version, supported, this.settings.protocol().versions()));
			}
			return legacyVerdict("it answered the discover probe with " + ex.getMessage());
		});
	}

	private Mono<Connection> legacyVerdict(String reason) {
		logger.debug("Connection '" + this.settings.connectionName() + "' speaks the legacy era: " + reason);
		this.eraVerdicts.remember(this.settings.url(), Era.LEGACY);
		return legacy();
	}

	private Mono<DiscoverResult> discover(ModernDialect dialect) {
		return dialect.discover(this.settings.initializeTimeout());
	}

	private Mono<Connection> modernOrFail(ModernDialect dialect, DiscoverResult result) {
		String version = mutual(result.supportedVersions());
		if (version == null) {
			return Mono.error(
					new UnsupportedProtocolVersionException(this.settings.connectionName(), McpMethods.SERVER_DISCOVER,
							dialect.version(), result.supportedVersions(), this.settings.protocol().versions()));
		}
		// The server may prefer a version other than the one the probe spoke.
		ModernDialect agreed = version.equals(dialect.version()) ? dialect : this.modern.apply(version);
		this.eraVerdicts.remember(this.settings.url(), Era.MODERN);
		Implementation serverInfo = (result.serverInfo() != null) ? result.serverInfo()
				: new Implementation("unknown", "");
		InitializeResult connected = new InitializeResult(version, result.capabilities(), serverInfo,
				result.instructions(), result.meta());
		this.holder.established(version, serverInfo, connected.capabilities(), result.instructions());
		return Mono.just(new Connection(connected, agreed));
	}

	private Mono<Connection> legacy() {
		return this.legacy.handshake().map((result) -> new Connection(result, this.legacy));
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

	private List<String> versionsOf(Era era) {
		return this.settings.protocol().versionsOf(era);
	}

	private @Nullable String mutual(List<String> serverVersions) {
		return versionsOf(Era.MODERN).stream().filter(serverVersions::contains).findFirst().orElse(null);
	}

	/**
	 * An established connection: what the server said about itself, and the dialect its
	 * era speaks.
	 *
	 * @param result the initialize result, or its modern equivalent built from discover
	 * @param dialect the dialect
	 */
	record Connection(InitializeResult result, Dialect dialect) {

	}

}
