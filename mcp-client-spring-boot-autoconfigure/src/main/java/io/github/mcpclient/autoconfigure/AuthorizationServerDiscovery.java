package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.mcpclient.exception.AuthenticationChallenge;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Finds a protected MCP server's authorization server, minimally: its protected resource
 * metadata (RFC 9728) from the challenge's {@code resource_metadata} or the well-known
 * locations, then the first authorization server it names, whose metadata (RFC 8414, or
 * OpenID discovery) Spring Security's {@link ClientRegistrations} reads and checks
 * against the issuer.
 */
final class AuthorizationServerDiscovery {

	private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final WebClient webClient;

	AuthorizationServerDiscovery(WebClient webClient) {
		this.webClient = webClient;
	}

	/**
	 * Discover the authorization server of a protected MCP server.
	 * @param serverUrl the MCP server's URL
	 * @param challenge the server's {@code Bearer} challenge, if it sent one
	 * @return what was found
	 */
	Mono<Discovered> discover(URI serverUrl, @Nullable AuthenticationChallenge challenge) {
		return Flux.fromIterable(metadataLocations(serverUrl, challenge))
			.concatMap((location) -> fetch(location).onErrorResume((ex) -> Mono.empty()))
			.next()
			.switchIfEmpty(Mono.error(() -> new IllegalStateException(
					"The server publishes no protected resource metadata naming its authorization server")))
			.flatMap((metadata) -> fromMetadata(serverUrl, metadata));
	}

	private Mono<Discovered> fromMetadata(URI serverUrl, Map<String, Object> metadata) {
		Object resource = metadata.get("resource");
		if (!(resource instanceof String resourceId) || !covers(resourceId, serverUrl)) {
			return Mono.error(new IllegalStateException("The protected resource metadata is for another resource ("
					+ resource + "), not " + serverUrl.resolve("/")));
		}
		String issuer = first(metadata.get("authorization_servers"));
		if (issuer == null) {
			return Mono
				.error(new IllegalStateException("The protected resource metadata names no authorization server"));
		}
		List<String> scopes = strings(metadata.get("scopes_supported"));
		// ClientRegistrations reads the metadata with a blocking client.
		return Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(issuer))
			.subscribeOn(Schedulers.boundedElastic())
			.map((builder) -> new Discovered(resourceId, issuer, builder, scopes));
	}

	private Mono<Map<String, Object>> fetch(URI location) {
		return this.webClient.get()
			.uri(location)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.bodyToMono(JSON_OBJECT)
			.filter((metadata) -> metadata.get("authorization_servers") != null);
	}

	static List<URI> metadataLocations(URI serverUrl, @Nullable AuthenticationChallenge challenge) {
		List<URI> locations = new ArrayList<>();
		String named = (challenge != null) ? challenge.resourceMetadata() : null;
		if (named != null) {
			URI location = serverUrl.resolve(named);
			// Metadata from another origin than the server's is taken only over https.
			if (sameOrigin(location, serverUrl) || "https".equalsIgnoreCase(location.getScheme())) {
				locations.add(location);
			}
		}
		String path = serverUrl.getRawPath();
		if (path != null && !path.isEmpty() && !"/".equals(path)) {
			locations.add(serverUrl.resolve(WELL_KNOWN + path));
		}
		locations.add(serverUrl.resolve(WELL_KNOWN));
		return locations;
	}

	/**
	 * Whether a resource identifier covers the server's URL: same origin, and the URL's
	 * path within the identifier's.
	 */
	static boolean covers(String resource, URI serverUrl) {
		URI resourceUri = URI.create(resource);
		if (!sameOrigin(resourceUri, serverUrl)) {
			return false;
		}
		String resourcePath = Objects.requireNonNullElse(resourceUri.getRawPath(), "");
		String serverPath = Objects.requireNonNullElse(serverUrl.getRawPath(), "");
		String prefix = resourcePath.endsWith("/") ? resourcePath : resourcePath + "/";
		return resourcePath.isEmpty() || serverPath.equals(resourcePath) || serverPath.startsWith(prefix);
	}

	private static boolean sameOrigin(URI a, URI b) {
		return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
				&& a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static @Nullable String first(@Nullable Object values) {
		List<String> strings = strings(values);
		return strings.isEmpty() ? null : strings.get(0);
	}

	private static List<String> strings(@Nullable Object values) {
		List<String> strings = new ArrayList<>();
		if (values instanceof List<?> list) {
			list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(strings::add);
		}
		return strings;
	}

	/**
	 * What discovery found.
	 *
	 * @param resource the resource identifier the metadata gives, sent as
	 * {@code resource} (RFC 8707) on token requests
	 * @param issuer the authorization server's issuer
	 * @param registration a registration with the authorization server's endpoints
	 * @param scopesSupported the scopes the metadata lists
	 */
	record Discovered(String resource, String issuer, ClientRegistration.Builder registration,
			List<String> scopesSupported) {

	}

}
