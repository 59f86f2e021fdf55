package io.github.mcpclient.auth;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the client uses of an authorization server's metadata (RFC 8414), or the default
 * endpoints of a 2025-03-26 server that publishes none.
 *
 * @param issuer the issuer identifier
 * @param authorizationEndpoint where users authorize
 * @param tokenEndpoint where codes and credentials become tokens
 * @param registrationEndpoint where clients register dynamically, or {@code null}
 * @param codeChallengeMethods the PKCE methods it supports
 * @param scopes the scopes it lists
 * @param clientAuthenticationMethods how clients may authenticate at the token endpoint
 * @param issParameterSupported whether it sends {@code iss} in authorization responses
 * @param clientIdMetadataDocumentSupported whether it accepts a URL as client id
 * @param published whether a metadata document was found; {@code false} for the defaults
 */
record AuthorizationServerMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint,
		@Nullable URI registrationEndpoint, List<String> codeChallengeMethods, List<String> scopes,
		List<String> clientAuthenticationMethods, boolean issParameterSupported,
		boolean clientIdMetadataDocumentSupported, boolean published) {

	/**
	 * The metadata of a document, or {@code null} if it lacks what the flow needs.
	 */
	static @Nullable AuthorizationServerMetadata of(Map<String, Object> document) {
		if (!(document.get("issuer") instanceof String issuer)
				|| !(document.get("token_endpoint") instanceof String token)
				|| !(document.get("authorization_endpoint") instanceof String authorization)) {
			return null;
		}
		Object registration = document.get("registration_endpoint");
		return new AuthorizationServerMetadata(issuer, URI.create(authorization), URI.create(token),
				(registration instanceof String uri) ? URI.create(uri) : null,
				strings(document.get("code_challenge_methods_supported")), strings(document.get("scopes_supported")),
				strings(document.get("token_endpoint_auth_methods_supported")),
				Boolean.TRUE.equals(document.get("authorization_response_iss_parameter_supported")),
				Boolean.TRUE.equals(document.get("client_id_metadata_document_supported")), true);
	}

	/**
	 * The endpoints a 2025-03-26 client assumes when a server publishes no metadata:
	 * {@code /authorize}, {@code /token} and {@code /register} at its origin.
	 */
	static AuthorizationServerMetadata defaults(URI origin) {
		String base = origin.toString();
		return new AuthorizationServerMetadata(base, URI.create(base + "/authorize"), URI.create(base + "/token"),
				URI.create(base + "/register"), List.of("S256"), List.of(), List.of(), false, false, false);
	}

	static List<String> strings(@Nullable Object value) {
		if (!(value instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
	}

}
