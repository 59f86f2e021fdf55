package io.github.mcpclient.auth;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpWireMock;
import io.github.mcpclient.engine.McpClientFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mcpclient.McpWireMock.TOOLS;
import static io.github.mcpclient.McpWireMock.json;
import static io.github.mcpclient.McpWireMock.rpc;
import static io.github.mcpclient.McpWireMock.rpcRequested;
import static io.github.mcpclient.McpWireMock.stubHandshake;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose tokens an {@link OAuthAuthorization} uses, and a token already in the store.
 */
class OAuthAuthorizationPrincipalTests {

	private static final String TOKEN = "stored-token-2b7e";

	@RegisterExtension
	static final WireMockExtension mcp = McpWireMock.extension();

	@RegisterExtension
	static final WireMockExtension as = McpWireMock.extension();

	@BeforeEach
	void stubServers() {
		stubHandshake(mcp, null);
		mcp.stubFor(rpc("tools/list").atPriority(5)
			.willReturn(aResponse().withStatus(401)
				.withHeader("WWW-Authenticate", "Bearer resource_metadata=\"" + mcp.baseUrl()
						+ "/.well-known/oauth-protected-resource/mcp\"")));
		mcp.stubFor(rpc("tools/list").atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.willReturn(json(TOOLS)));
		mcp.stubFor(get(urlEqualTo("/.well-known/oauth-protected-resource/mcp")).willReturn(okJson(
				"{\"resource\":\"" + mcp.baseUrl() + "/mcp\",\"authorization_servers\":[\"" + as.baseUrl() + "\"]}")));
		as.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server"))
			.willReturn(okJson("{\"issuer\":\"" + as.baseUrl() + "\",\"authorization_endpoint\":\"" + as.baseUrl()
					+ "/authorize\",\"token_endpoint\":\"" + as.baseUrl()
					+ "/token\",\"code_challenge_methods_supported\":[\"S256\"]}")));
	}

	private static AuthorizationCodeUserAgent refusing(AtomicInteger authorizations) {
		return new AuthorizationCodeUserAgent() {

			@Override
			public URI redirectUri() {
				return URI.create("http://127.0.0.1:4711/callback");
			}

			@Override
			public Mono<AuthorizationCallback> authorize(URI authorizationUrl) {
				authorizations.incrementAndGet();
				return Mono.error(new IllegalStateException("no user here"));
			}

		};
	}

	@Test
	void aPrincipalResolverMakesTheAuthorizationPerPrincipal() {
		OAuthAuthorization perUser = OAuthAuthorization.builder()
			.clientId("c")
			.userAgent(refusing(new AtomicInteger()))
			.principal((context) -> context.getOrDefault("user", null))
			.build();
		assertThat(perUser.isPerPrincipal()).isTrue();
		assertThat(perUser.principal(Context.of("user", "alice")).block()).isEqualTo("alice");
		assertThat(perUser.principal(Context.empty()).blockOptional()).isEmpty();

		OAuthAuthorization shared = OAuthAuthorization.builder()
			.clientId("c")
			.userAgent(refusing(new AtomicInteger()))
			.build();
		assertThat(shared.isPerPrincipal()).isFalse();
		assertThat(shared.principal(Context.of("user", "alice")).blockOptional()).isEmpty();
	}

	@Test
	void aTokenAlreadyStoredIsUsedInsteadOfAGrant() {
		AtomicReference<InMemoryReactiveOAuth2AuthorizedClientService> store = new AtomicReference<>();
		AtomicInteger authorizations = new AtomicInteger();
		OAuthAuthorization authorization = OAuthAuthorization.builder()
			.clientId("mcp-test-client")
			.userAgent(refusing(authorizations))
			.authorizedClientService((registrations) -> {
				store.set(new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
				return store.get();
			})
			.build();
		// Stored by another replica, or before a restart.
		ClientRegistration registration = ClientRegistration.withRegistrationId("test@" + as.baseUrl())
			.clientId("mcp-test-client")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://127.0.0.1:4711/callback")
			.authorizationUri(as.baseUrl() + "/authorize")
			.tokenUri(as.baseUrl() + "/token")
			.build();
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, TOKEN, Instant.now(),
				Instant.now().plusSeconds(3600));
		store.get()
			.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, OAuthAuthorization.DEFAULT_PRINCIPAL, token),
					UsernamePasswordAuthenticationToken.authenticated(OAuthAuthorization.DEFAULT_PRINCIPAL, null,
							java.util.List.of()))
			.block();
		McpClient client = McpClientFactory.builder()
			.eraVerdicts(EraVerdicts.inMemory())
			.build()
			.create(McpWireMock.settings(mcp), McpClientHandlers.none(), authorization);

		assertThat(client.listTools().tools()).hasSize(1);
		assertThat(authorizations).hasValue(0);
		as.verify(0, postRequestedFor(urlEqualTo("/token")));
		mcp.verify(rpcRequested("tools/list").withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

}
