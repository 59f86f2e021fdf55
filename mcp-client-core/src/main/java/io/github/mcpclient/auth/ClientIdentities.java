package io.github.mcpclient.auth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.mcpclient.exception.McpException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client's identity at each authorization server, in the specification's order:
 * credentials from configuration, a Client ID Metadata Document when the server accepts
 * one, else dynamic client registration (RFC 7591). Identities obtained from one
 * authorization server are kept by its issuer and never shown to another.
 *
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#client-registration-approaches">Client
 * registration approaches</a>
 */
final class ClientIdentities {

	private static final Log logger = LogFactory.getLog(ClientIdentities.class);

	private final OAuthClientSettings settings;

	private final WebClient webClient;

	private final JsonMapper mapper;

	private final Map<String, RegisteredClient> byIssuer = new ConcurrentHashMap<>();

	ClientIdentities(OAuthClientSettings settings, WebClient webClient, JsonMapper mapper) {
		this.settings = settings;
		this.webClient = webClient;
		this.mapper = mapper;
	}

	Mono<RegisteredClient> clientFor(FlowContext flow, AuthorizationServerMetadata server) {
		String clientId = this.settings.clientId();
		if (clientId != null) {
			String secret = this.settings.clientSecret();
			ClientAuthenticationMethod method = (this.settings.authenticationMethod() != null)
					? this.settings.authenticationMethod()
					: choose(server.clientAuthenticationMethods(), secret != null);
			return Mono.just(new RegisteredClient(clientId, secret, method, "configuration"));
		}
		RegisteredClient known = this.byIssuer.get(server.issuer());
		if (known != null) {
			return Mono.just(known);
		}
		if (this.settings.grant() == OAuthGrant.CLIENT_CREDENTIALS) {
			return Mono.error(flow.failure("the client credentials grant needs a configured client id"));
		}
		URI metadataDocument = this.settings.clientMetadataUrl();
		if (metadataDocument != null && server.clientIdMetadataDocumentSupported()) {
			logger.info(
					flow.describe("using client id metadata document " + metadataDocument + " at " + server.issuer()));
			return Mono.just(remember(server, new RegisteredClient(metadataDocument.toString(), null,
					ClientAuthenticationMethod.NONE, "client id metadata document")));
		}
		URI registration = server.registrationEndpoint();
		if (registration == null) {
			return Mono.error(flow.failure("no client id for authorization server " + server.issuer()
					+ ": it supports neither client id metadata documents nor dynamic registration, and none is configured"));
		}
		return register(flow, server, registration).map((client) -> remember(server, client));
	}

	private RegisteredClient remember(AuthorizationServerMetadata server, RegisteredClient client) {
		this.byIssuer.put(server.issuer(), client);
		return client;
	}

	private Mono<RegisteredClient> register(FlowContext flow, AuthorizationServerMetadata server, URI endpoint) {
		String requested = requestedMethod(server.clientAuthenticationMethods());
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("client_name", this.settings.clientName());
		URI redirectUri = this.settings.redirectUri();
		metadata.put("redirect_uris", (redirectUri != null) ? List.of(redirectUri.toString()) : List.of());
		metadata.put("grant_types", List.of("authorization_code", "refresh_token"));
		metadata.put("response_types", List.of("code"));
		metadata.put("token_endpoint_auth_method", requested);
		metadata.put("application_type", this.settings.applicationType());
		logger.info(flow.describe("registering the client at " + endpoint));
		return this.webClient.post()
			.uri(endpoint)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(this.mapper.writeValueAsString(metadata))
			.exchangeToMono((response) -> {
				if (!response.statusCode().is2xxSuccessful()) {
					return response.releaseBody()
						.then(Mono.error(flow.failure("dynamic client registration at " + endpoint + " answered "
								+ response.statusCode().value())));
				}
				return response.bodyToMono(String.class);
			})
			.map((body) -> {
				Map<String, Object> answer = this.mapper.readerForMapOf(Object.class).readValue(body);
				if (!(answer.get("client_id") instanceof String clientId) || clientId.isEmpty()) {
					throw flow.failure("dynamic client registration at " + endpoint + " returned no client_id");
				}
				String secret = (answer.get("client_secret") instanceof String s && !s.isEmpty()) ? s : null;
				ClientAuthenticationMethod method = (answer.get("token_endpoint_auth_method") instanceof String m)
						? new ClientAuthenticationMethod(m)
						: choose(server.clientAuthenticationMethods(), secret != null);
				return new RegisteredClient(clientId, secret, method, "dynamic registration");
			})
			.onErrorMap((ex) -> !(ex instanceof McpException),
					(ex) -> flow.failure("dynamic client registration at " + endpoint + " failed", ex));
	}

	// A public client unless the server takes none; a confidential one authenticates as
	// the server prefers.
	private static String requestedMethod(List<String> supported) {
		if (supported.isEmpty() || supported.contains("none")) {
			return "none";
		}
		if (supported.contains("client_secret_basic")) {
			return "client_secret_basic";
		}
		return supported.contains("client_secret_post") ? "client_secret_post" : "none";
	}

	static ClientAuthenticationMethod choose(List<String> supported, boolean hasSecret) {
		if (!hasSecret) {
			return ClientAuthenticationMethod.NONE;
		}
		if (supported.isEmpty() || supported.contains("client_secret_basic")) {
			return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
		}
		return supported.contains("client_secret_post") ? ClientAuthenticationMethod.CLIENT_SECRET_POST
				: ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
	}

	@Nullable RegisteredClient known(String issuer) {
		return this.byIssuer.get(issuer);
	}

}
