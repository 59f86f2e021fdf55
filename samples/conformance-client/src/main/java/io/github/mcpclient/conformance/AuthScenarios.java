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

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The authorization each {@code auth/*} scenario expects of an application: client
 * credentials where the scenario hands out a client, a pre-registered client for
 * pre-registration, and otherwise the authorization code grant with a client id metadata
 * document or dynamic registration.
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
			case "auth/pre-registration" -> builder.clientId(string(context, "client_id"))
				.clientSecret(string(context, "client_secret"))
				.userAgent(new HeadlessUserAgent(webClient));
			default -> builder.clientMetadataUrl(CLIENT_METADATA_URL).userAgent(new HeadlessUserAgent(webClient));
		}
		return builder.build();
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
