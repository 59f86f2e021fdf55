package io.github.mcpclient.auth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.codec.Hints;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractWebClientReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.JwtBearerGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.web.reactive.function.OAuth2BodyExtractors;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The token requests of the flow, made by Spring Security's token response clients, each
 * with the MCP server's {@code resource} (RFC 8707) and, for {@code private_key_jwt}, a
 * signed client assertion. With DPoP, every token request carries a fresh proof, and one
 * the authorization server refuses with {@code use_dpop_nonce} is made once more with the
 * nonce it gave (RFC 9449 section 8). A {@code DPoP} token type is understood.
 */
final class TokenRequests {

	/** Where a registration keeps the resource its tokens are for. */
	static final String RESOURCE = "mcp_resource";

	private final WebClientReactiveAuthorizationCodeTokenResponseClient authorizationCode = new WebClientReactiveAuthorizationCodeTokenResponseClient();

	private final WebClientReactiveClientCredentialsTokenResponseClient clientCredentials = new WebClientReactiveClientCredentialsTokenResponseClient();

	private final WebClientReactiveRefreshTokenTokenResponseClient refreshToken = new WebClientReactiveRefreshTokenTokenResponseClient();

	private final WebClientReactiveJwtBearerTokenResponseClient jwtBearer = new WebClientReactiveJwtBearerTokenResponseClient();

	private final @Nullable DpopProofs dpop;

	TokenRequests(WebClient webClient, @Nullable ClientAssertions assertions, @Nullable DpopProofs dpop) {
		this.dpop = dpop;
		WebClient client = (dpop != null) ? rememberingNonces(webClient, dpop) : webClient;
		configure(this.authorizationCode, client, assertions, dpop);
		configure(this.jwtBearer, client, assertions, dpop);
		configure(this.clientCredentials, client, assertions, dpop);
		configure(this.refreshToken, client, assertions, dpop);
	}

	private static <T extends AbstractOAuth2AuthorizationGrantRequest> void configure(
			AbstractWebClientReactiveOAuth2AccessTokenResponseClient<T> client, WebClient webClient,
			@Nullable ClientAssertions assertions, @Nullable DpopProofs dpop) {
		client.setWebClient(webClient);
		client.addParametersConverter(TokenRequests::resource);
		if (assertions != null) {
			client.addParametersConverter(assertions::parameters);
		}
		client.setBodyExtractor(
				quiet((dpop != null) ? tokenResponse() : OAuth2BodyExtractors.oauth2AccessTokenResponse()));
		if (dpop != null) {
			client.addHeadersConverter((request) -> {
				HttpHeaders headers = new HttpHeaders();
				URI tokenUri = URI.create(request.getClientRegistration().getProviderDetails().getTokenUri());
				headers.set(DpopProofs.HEADER, dpop.proof(HttpMethod.POST.name(), tokenUri, null));
				return headers;
			});
		}
	}

	// At TRACE level the JSON decoder writes what it decodes to the log: the whole token
	// response, access and refresh tokens included. Told not to.
	private static BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> quiet(
			BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> delegate) {
		return (message, context) -> delegate.extract(message, new BodyExtractor.Context() {

			@Override
			public List<HttpMessageReader<?>> messageReaders() {
				return context.messageReaders();
			}

			@Override
			public Optional<ServerHttpResponse> serverResponse() {
				return context.serverResponse();
			}

			@Override
			public Map<String, Object> hints() {
				Map<String, Object> hints = new LinkedHashMap<>(context.hints());
				hints.put(Hints.SUPPRESS_LOGGING_HINT, true);
				return hints;
			}

		});
	}

	// Spring Security's reactive extractor knows no token type but Bearer; its map
	// converter knows DPoP too.
	private static BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> tokenResponse() {
		BodyExtractor<Mono<Map<String, Object>>, ReactiveHttpInputMessage> json = BodyExtractors
			.toMono(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		DefaultMapOAuth2AccessTokenResponseConverter converter = new DefaultMapOAuth2AccessTokenResponseConverter();
		return (message, context) -> json.extract(message, context)
			.switchIfEmpty(Mono.error(() -> invalidResponse(null)))
			.map((body) -> {
				if (body.get("error") instanceof String error) {
					throw new OAuth2AuthorizationException(
							new OAuth2Error(error, text(body.get("error_description")), text(body.get("error_uri"))));
				}
				return converter.convert(body);
			})
			.onErrorMap((ex) -> !(ex instanceof OAuth2AuthorizationException), TokenRequests::invalidResponse);
	}

	private static OAuth2AuthorizationException invalidResponse(@Nullable Throwable cause) {
		OAuth2Error error = new OAuth2Error("invalid_token_response",
				"The token endpoint's response is not a token response", null);
		return (cause != null) ? new OAuth2AuthorizationException(error, cause)
				: new OAuth2AuthorizationException(error);
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value instanceof String text) ? text : null;
	}

	// The authorization server may give a nonce on any response, its refusals included.
	private static WebClient rememberingNonces(WebClient webClient, DpopProofs dpop) {
		return webClient.mutate()
			.filter((request, next) -> next.exchange(request)
				.doOnNext((response) -> dpop.nonce(request.url(),
						response.headers().asHttpHeaders().getFirst(DpopProofs.NONCE_HEADER))))
			.build();
	}

	Mono<OAuth2AccessTokenResponse> exchange(OAuth2AuthorizationCodeGrantRequest request) {
		return withNonce(() -> this.authorizationCode.getTokenResponse(request));
	}

	Mono<OAuth2AccessTokenResponse> exchange(OAuth2ClientCredentialsGrantRequest request) {
		return withNonce(() -> this.clientCredentials.getTokenResponse(request));
	}

	Mono<OAuth2AccessTokenResponse> exchange(JwtBearerGrantRequest request) {
		return withNonce(() -> this.jwtBearer.getTokenResponse(request));
	}

	Mono<OAuth2AccessTokenResponse> exchange(OAuth2RefreshTokenGrantRequest request) {
		return withNonce(() -> this.refreshToken.getTokenResponse(request));
	}

	// Once more, with the nonce now remembered, when the server asks for one; a second
	// refusal is the caller's to report.
	private Mono<OAuth2AccessTokenResponse> withNonce(Supplier<Mono<OAuth2AccessTokenResponse>> request) {
		Mono<OAuth2AccessTokenResponse> first = Mono.defer(request);
		if (this.dpop == null) {
			return first;
		}
		return first.onErrorResume(TokenRequests::asksForNonce, (ex) -> Mono.defer(request));
	}

	private static boolean asksForNonce(Throwable ex) {
		return ex instanceof OAuth2AuthorizationException oauth
				&& DpopProofs.USE_NONCE.equals(oauth.getError().getErrorCode());
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
