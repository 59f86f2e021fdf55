package io.github.mcpclient.auth;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractWebClientReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The token requests of the flow, made by Spring Security's token response clients, each
 * with the MCP server's {@code resource} (RFC 8707) and, for {@code private_key_jwt}, a
 * signed client assertion.
 */
final class TokenRequests {

	/** Where a registration keeps the resource its tokens are for. */
	static final String RESOURCE = "mcp_resource";

	private final WebClientReactiveAuthorizationCodeTokenResponseClient authorizationCode = new WebClientReactiveAuthorizationCodeTokenResponseClient();

	private final WebClientReactiveClientCredentialsTokenResponseClient clientCredentials = new WebClientReactiveClientCredentialsTokenResponseClient();

	private final WebClientReactiveRefreshTokenTokenResponseClient refreshToken = new WebClientReactiveRefreshTokenTokenResponseClient();

	TokenRequests(WebClient webClient, @Nullable ClientAssertions assertions) {
		configure(this.authorizationCode, webClient, assertions);
		configure(this.clientCredentials, webClient, assertions);
		configure(this.refreshToken, webClient, assertions);
	}

	private static <T extends AbstractOAuth2AuthorizationGrantRequest> void configure(
			AbstractWebClientReactiveOAuth2AccessTokenResponseClient<T> client, WebClient webClient,
			@Nullable ClientAssertions assertions) {
		client.setWebClient(webClient);
		client.addParametersConverter(TokenRequests::resource);
		if (assertions != null) {
			client.addParametersConverter(assertions::parameters);
		}
	}

	Mono<OAuth2AccessTokenResponse> exchange(OAuth2AuthorizationCodeGrantRequest request) {
		return this.authorizationCode.getTokenResponse(request);
	}

	Mono<OAuth2AccessTokenResponse> exchange(OAuth2ClientCredentialsGrantRequest request) {
		return this.clientCredentials.getTokenResponse(request);
	}

	Mono<OAuth2AccessTokenResponse> exchange(OAuth2RefreshTokenGrantRequest request) {
		return this.refreshToken.getTokenResponse(request);
	}

	private static <T extends AbstractOAuth2AuthorizationGrantRequest> MultiValueMap<String, String> resource(
			T request) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		Object resource = request.getClientRegistration().getProviderDetails().getConfigurationMetadata().get(RESOURCE);
		if (resource instanceof String value) {
			parameters.set("resource", value);
		}
		return parameters;
	}

}
