package io.github.mcpclient.conformance;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.auth.OAuthAuthorization;
import io.github.mcpclient.auth.OAuthGrant;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The authorization each {@code auth/*} scenario expects of an application: client
 * credentials where the scenario hands out a client, a pre-registered client for
 * pre-registration, and otherwise the authorization code grant with a client id metadata
 * document or dynamic registration, with DPoP-bound tokens for the DPoP scenarios (their
 * context carries nothing: the scenario's name is what asks for DPoP).
 */
final class AuthScenarios {

	/** The client id metadata document URL the suite's authorization servers expect. */
	static final URI CLIENT_METADATA_URL = URI.create("https://conformance-test.local/client-metadata.json");

	private AuthScenarios() {
	}

	static boolean isAuthScenario(String scenario) {
		return scenario.startsWith("auth/");
	}

	static McpAuthorization authorization(String scenario, Map<String, Object> context) {
		WebClient webClient = WebClient.create();
		OAuthAuthorization.Builder builder = OAuthAuthorization.builder()
			.webClient(webClient)
			.clientName("mcp-client-spring-boot-conformance");
		switch (scenario) {
			case "auth/client-credentials-jwt" -> builder.grant(OAuthGrant.CLIENT_CREDENTIALS)
				.clientId(string(context, "client_id"))
				.privateKeyJwt(privateKey(string(context, "private_key_pem"), algorithm(context)), algorithm(context));
			case "auth/client-credentials-basic" -> builder.grant(OAuthGrant.CLIENT_CREDENTIALS)
				.clientId(string(context, "client_id"))
				.clientSecret(string(context, "client_secret"))
				.clientAuthentication(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
			case "auth/wif-jwt-bearer" -> builder.grant(OAuthGrant.JWT_BEARER)
				.clientId(string(context, "client_id"))
				.assertion((issuer, resource) -> Mono.just(string(context, "valid_jwt")));
			case "auth/enterprise-managed-authorization",
					"auth/cross-app-access-complete-flow" ->
				builder.grant(OAuthGrant.JWT_BEARER)
					.clientId(string(context, "client_id"))
					.clientSecret(string(context, "client_secret"))
					.clientAuthentication(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.assertion((issuer, resource) -> identityAssertionGrant(webClient, context, issuer, resource));
			case "auth/pre-registration" -> builder.clientId(string(context, "client_id"))
				.clientSecret(string(context, "client_secret"))
				.userAgent(new HeadlessUserAgent(webClient));
			case "auth/dpop", "auth/dpop-nonce" ->
				builder.clientMetadataUrl(CLIENT_METADATA_URL).userAgent(new HeadlessUserAgent(webClient)).dpop(true);
			default -> builder.clientMetadataUrl(CLIENT_METADATA_URL).userAgent(new HeadlessUserAgent(webClient));
		}
		return builder.build();
	}

	// The enterprise identity provider exchanges the user's ID token for an identity
	// assertion grant (ID-JAG) addressed to the MCP server's authorization server.
	private static Mono<String> identityAssertionGrant(WebClient webClient, Map<String, Object> context, String issuer,
			String resource) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
		form.add("requested_token_type", "urn:ietf:params:oauth:token-type:id-jag");
		form.add("audience", issuer);
		form.add("resource", resource);
		form.add("subject_token", string(context, "idp_id_token"));
		form.add("subject_token_type", "urn:ietf:params:oauth:token-type:id_token");
		form.add("client_id", string(context, "idp_client_id"));
		return webClient.post()
			.uri(string(context, "idp_token_endpoint"))
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.bodyToMono(Map.class)
			.map((answer) -> String.valueOf(answer.get("access_token")));
	}

	private static String algorithm(Map<String, Object> context) {
		Object algorithm = context.get("signing_algorithm");
		return (algorithm instanceof String value) ? value : "ES256";
	}

	private static String string(Map<String, Object> context, String name) {
		if (!(context.get(name) instanceof String value)) {
			throw new IllegalStateException("The scenario's context has no " + name);
		}
		return value;
	}

	// A PKCS #8 PEM private key, as the suite generates them.
	static PrivateKey privateKey(String pem, String algorithm) {
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance(algorithm.startsWith("ES") ? "EC" : "RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The scenario's private key is not a PKCS #8 PEM key", ex);
		}
	}

}
