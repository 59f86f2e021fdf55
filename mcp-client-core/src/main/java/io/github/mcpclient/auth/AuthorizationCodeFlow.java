package io.github.mcpclient.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.github.mcpclient.exception.McpException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;

/**
 * One authorization-code grant: the request with PKCE (S256), {@code state} and
 * {@code resource}; the user agent's round trip; the callback's checks ({@code iss} of
 * RFC 9207 by exact comparison, then {@code state}, then the error) before the code is
 * redeemed.
 */
final class AuthorizationCodeFlow {

	private static final Log logger = LogFactory.getLog(AuthorizationCodeFlow.class);

	private final SecureRandom random = new SecureRandom();

	private final TokenRequests tokens;

	AuthorizationCodeFlow(TokenRequests tokens) {
		this.tokens = tokens;
	}

	Mono<OAuth2AccessTokenResponse> run(FlowContext flow, DiscoveredServer server, ClientRegistration registration,
			Set<String> scopes, AuthorizationCodeUserAgent userAgent) {
		AuthorizationServerMetadata as = server.authorizationServer();
		String verifier = randomValue();
		String state = randomValue();
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put(PkceParameterNames.CODE_CHALLENGE, challenge(verifier));
		parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
		parameters.put("resource", server.resource());
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(as.authorizationEndpoint().toString())
			.clientId(registration.getClientId())
			.redirectUri(registration.getRedirectUri())
			.scopes(scopes)
			.state(state)
			.additionalParameters(parameters)
			.attributes((attributes) -> attributes.put(PkceParameterNames.CODE_VERIFIER, verifier))
			.build();
		logger.info(flow.describe("asking the user to authorize at " + as.authorizationEndpoint()));
		return userAgent.authorize(URI.create(request.getAuthorizationRequestUri()), registration)
			.onErrorMap((ex) -> !(ex instanceof McpException),
					(ex) -> flow.failure("the user has not completed the authorization at " + as.issuer(), ex))
			.flatMap((callback) -> {
				String problem = problem(callback, state, as);
				if (problem != null) {
					return Mono.error(flow.failure(problem));
				}
				logger.debug(flow.describe("redeeming the authorization code at " + as.tokenEndpoint()));
				OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(callback.code())
					.redirectUri(registration.getRedirectUri())
					.state(state)
					.build();
				return this.tokens.exchange(new OAuth2AuthorizationCodeGrantRequest(registration,
						new OAuth2AuthorizationExchange(request, response)));
			});
	}

	static @Nullable String problem(AuthorizationCallback callback, String state, AuthorizationServerMetadata as) {
		if (callback.issuer() != null) {
			if (!callback.issuer().equals(as.issuer())) {
				return "the authorization response names issuer '" + callback.issuer() + "', not '" + as.issuer()
						+ "' (RFC 9207)";
			}
		}
		else if (as.issParameterSupported()) {
			return "the authorization response has no 'iss' though " + as.issuer() + " advertises it (RFC 9207)";
		}
		if (!state.equals(callback.state())) {
			return "the authorization response's state does not match the request's";
		}
		if (callback.error() != null) {
			return "the authorization server refused the authorization: " + callback.error();
		}
		if (callback.code() == null || callback.code().isEmpty()) {
			return "the authorization response carries no code";
		}
		return null;
	}

	private String randomValue() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
