package io.github.mcpclient.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.github.mcpclient.exception.AuthenticationChallenge;
import io.github.mcpclient.exception.McpException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Finds the authorization server of an MCP server: its protected resource metadata (RFC
 * 9728), then the metadata of the authorization server it names (RFC 8414 and OpenID
 * discovery), or, for a 2025-03-26 server without protected resource metadata, the
 * metadata or default endpoints at its own origin.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#authorization-server-discovery">Authorization
 * server discovery</a>
 */
final class AuthorizationDiscovery {

	private static final Log logger = LogFactory.getLog(AuthorizationDiscovery.class);

	private static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

	private static final String OAUTH_METADATA = "/.well-known/oauth-authorization-server";

	private static final String OPENID_METADATA = "/.well-known/openid-configuration";

	private final WebClient webClient;

	private final JsonMapper mapper;

	AuthorizationDiscovery(WebClient webClient, JsonMapper mapper) {
		this.webClient = webClient;
		this.mapper = mapper;
	}

	Mono<DiscoveredServer> discover(FlowContext flow) {
		URI server = flow.request().serverUrl();
		AuthenticationChallenge challenge = flow.refusal().getChallenge();
		List<URI> candidates = resourceMetadataLocations(server,
				(challenge != null) ? challenge.resourceMetadata() : null);
		return first(candidates, ProtectedResourceMetadata::of)
			.flatMap((metadata) -> fromResourceMetadata(flow, metadata))
			.switchIfEmpty(Mono.defer(() -> withoutResourceMetadata(flow)));
	}

	private Mono<DiscoveredServer> fromResourceMetadata(FlowContext flow, ProtectedResourceMetadata metadata) {
		URI server = flow.request().serverUrl();
		logger.debug(flow.describe("protected resource metadata found at " + metadata.location()));
		if (!covers(metadata.resource(), server)) {
			return Mono.error(flow.failure("the protected resource metadata at " + metadata.location()
					+ " is for resource " + metadata.resource() + ", not for " + server));
		}
		if (metadata.authorizationServers().isEmpty()) {
			return Mono.error(flow.failure(
					"the protected resource metadata at " + metadata.location() + " names no authorization server"));
		}
		String issuer = metadata.authorizationServers().get(0);
		URI issuerUri;
		try {
			issuerUri = URI.create(issuer);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(flow.failure("the authorization server '" + issuer + "' is not a URL"));
		}
		AtomicReference<@Nullable String> otherIssuer = new AtomicReference<>();
		return first(authorizationServerMetadataLocations(issuerUri), (location, document) -> {
			AuthorizationServerMetadata candidate = AuthorizationServerMetadata.of(document);
			if (candidate != null && !candidate.issuer().equals(issuer)) {
				otherIssuer.set(candidate.issuer());
				logger.debug(flow.describe("ignored the metadata at " + location + " for issuer " + candidate.issuer()
						+ " while looking for " + issuer));
				return null;
			}
			return candidate;
		}).switchIfEmpty(
				Mono.defer(
						() -> Mono
							.error(flow.failure((otherIssuer.get() != null)
									? "the authorization server metadata found for " + issuer
											+ " names another issuer, " + otherIssuer.get()
									: "no authorization server metadata found for " + issuer))))
			.map((as) -> {
				logger.info(
						flow.describe("authorization server " + as.issuer() + " found through " + metadata.location()));
				return new DiscoveredServer(metadata, as, metadata.resource());
			});
	}

	// A server of the 2025-03-26 revision: the authorization server is at its origin,
	// with or without metadata.
	private Mono<DiscoveredServer> withoutResourceMetadata(FlowContext flow) {
		URI server = flow.request().serverUrl();
		URI origin = origin(server);
		String resource = canonical(server);
		logger.info(flow.describe("no protected resource metadata; looking for an authorization server at " + origin));
		return first(List.of(URI.create(origin + OAUTH_METADATA)), (location, document) -> {
			AuthorizationServerMetadata candidate = AuthorizationServerMetadata.of(document);
			return (candidate != null && stripSlash(candidate.issuer()).equals(origin.toString())) ? candidate : null;
		}).map((as) -> new DiscoveredServer(null, as, resource))
			.defaultIfEmpty(new DiscoveredServer(null, AuthorizationServerMetadata.defaults(origin), resource));
	}

	private <T> Mono<T> first(List<URI> locations, BiFunction<URI, Map<String, Object>, @Nullable T> reader) {
		return Flux.fromIterable(locations)
			.concatMap((location) -> fetch(location).mapNotNull((document) -> reader.apply(location, document)))
			.next();
	}

	private Mono<Map<String, Object>> fetch(URI location) {
		return this.webClient.get()
			.uri(location)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? response.bodyToMono(String.class)
					: response.releaseBody().then(Mono.empty()))
			.<Map<String, Object>>map((body) -> this.mapper.readerForMapOf(Object.class).readValue(body))
			.onErrorResume((ex) -> !(ex instanceof McpException), (ex) -> {
				logger.debug("No metadata at " + location + ": " + ex.getMessage());
				return Mono.empty();
			});
	}

	static List<URI> resourceMetadataLocations(URI server, @Nullable String fromChallenge) {
		Set<URI> locations = new LinkedHashSet<>();
		if (fromChallenge != null) {
			try {
				URI uri = URI.create(fromChallenge);
				if (uri.isAbsolute()) {
					locations.add(uri);
				}
			}
			catch (IllegalArgumentException ex) {
				// Not a URL: the well-known locations remain.
			}
		}
		String path = stripSlash(nullToEmpty(server.getRawPath()));
		URI origin = origin(server);
		if (!path.isEmpty()) {
			locations.add(URI.create(origin + RESOURCE_METADATA + path));
		}
		locations.add(URI.create(origin + RESOURCE_METADATA));
		return new ArrayList<>(locations);
	}

	static List<URI> authorizationServerMetadataLocations(URI issuer) {
		String path = stripSlash(nullToEmpty(issuer.getRawPath()));
		URI origin = origin(issuer);
		if (path.isEmpty()) {
			return List.of(URI.create(origin + OAUTH_METADATA), URI.create(origin + OPENID_METADATA));
		}
		return List.of(URI.create(origin + OAUTH_METADATA + path), URI.create(origin + OPENID_METADATA + path),
				URI.create(origin + path + OPENID_METADATA));
	}

	/**
	 * Whether a protected resource identifier covers the server URL: the same origin, and
	 * a path that is the server's or one of its parents.
	 */
	static boolean covers(String resource, URI server) {
		URI uri;
		try {
			uri = URI.create(resource);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (!uri.isAbsolute() || uri.getRawFragment() != null || !sameOrigin(uri, server)) {
			return false;
		}
		String resourcePath = stripSlash(nullToEmpty(uri.getRawPath()));
		String serverPath = stripSlash(nullToEmpty(server.getRawPath()));
		return serverPath.equals(resourcePath) || serverPath.startsWith(resourcePath + "/");
	}

	static boolean sameOrigin(URI a, URI b) {
		return a.getScheme() != null && a.getScheme().equalsIgnoreCase(nullToEmpty(b.getScheme()))
				&& a.getHost() != null && a.getHost().equalsIgnoreCase(nullToEmpty(b.getHost())) && port(a) == port(b);
	}

	static URI origin(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean explicitPort = port != -1 && port != defaultPort(scheme);
		return URI.create(scheme + "://" + nullToEmpty(uri.getHost()).toLowerCase(Locale.ROOT)
				+ (explicitPort ? ":" + port : ""));
	}

	// The server URL as a resource indicator: no fragment, no trailing slash of its own.
	static String canonical(URI server) {
		String uri = server.toString();
		int fragment = uri.indexOf('#');
		return (fragment >= 0) ? uri.substring(0, fragment) : uri;
	}

	private static int port(URI uri) {
		return (uri.getPort() != -1) ? uri.getPort()
				: defaultPort(nullToEmpty(uri.getScheme()).toLowerCase(Locale.ROOT));
	}

	private static int defaultPort(String scheme) {
		return "https".equals(scheme) ? 443 : ("http".equals(scheme) ? 80 : -1);
	}

	private static String stripSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
