package io.github.mcpclient.autoconfigure;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.exception.McpAuthorizationException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.OAuth2AuthorizationRequestRedirectWebFilter;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The beans of the web application flow in a reactive web application, and how they fit
 * an application's own OAuth client configuration.
 */
class McpReactiveWebAuthorizationAutoConfigurationTests {

	private static final String PREFIX = "mcp.client.connections.one.authorization.";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(McpClientAutoConfiguration.class, McpWebAuthorizationAutoConfiguration.class,
						McpReactiveWebAuthorizationAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("mcp.client.connections.one.url=http://127.0.0.1:1/mcp",
				PREFIX + "grant=authorization-code", PREFIX + "client-id=web-client");

	@Test
	void authorizationCodeAuthorizesEachUserAndGivesSpringSecurityWhatItLooksUp() {
		this.runner.run((context) -> {
			assertThat(context.getBean(McpConnectionAuthorizations.class).get("one").isPerPrincipal()).isTrue();
			assertThat(context).hasSingleBean(ReactiveClientRegistrationRepository.class)
				.hasSingleBean(ReactiveOAuth2AuthorizedClientService.class)
				.hasSingleBean(ServerOAuth2AuthorizationRequestResolver.class)
				.hasSingleBean(ReactiveOAuth2AccessTokenResponseClient.class)
				.hasSingleBean(McpReactiveAuthorizationResponseIssuerFilter.class)
				.hasSingleBean(McpReactiveUserFilter.class)
				// Nothing of the servlet flow.
				.doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(OAuth2AuthorizedClientService.class)
				.doesNotHaveBean(McpBlockingCallContext.class);
		});
	}

	@Test
	void withoutAnAuthorizationCodeConnectionTheApplicationsOAuthSetupIsLeftAlone() {
		this.runner.withPropertyValues(PREFIX + "grant=none", PREFIX + "client-id=")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ReactiveClientRegistrationRepository.class)
				.doesNotHaveBean(ServerOAuth2AuthorizationRequestResolver.class)
				.doesNotHaveBean(WebFilter.class)
				.doesNotHaveBean(McpWebRegistrations.class));
	}

	@Test
	void theApplicationsOwnRegistrationsAreKeptBesideTheConnections() {
		this.runner.withUserConfiguration(OwnRegistrations.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveClientRegistrationRepository.class);
			ReactiveClientRegistrationRepository repository = context
				.getBean(ReactiveClientRegistrationRepository.class);
			assertThat(repository).isInstanceOf(McpWebRegistrations.ReactiveComposite.class);
			assertThat(repository.findByRegistrationId("github").block()).isNotNull();
			// A login page lists the application's registrations only.
			assertThat((Iterable<?>) repository).hasSize(1);
		});
	}

	@Test
	void anMcpConnectionsAuthorizationRequestHasPkceAndTheResource() {
		this.runner.run((context) -> {
			McpWebRegistrations registrations = context.getBean(McpWebRegistrations.class);
			ClientRegistration registration = ClientRegistration.withRegistrationId("one@https://as.example")
				.clientId("web-client")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/one")
				.authorizationUri("https://as.example/authorize")
				.tokenUri("https://as.example/token")
				.providerConfigurationMetadata(Map.of("mcp_resource", "http://127.0.0.1:1/mcp"))
				.build();
			registrations.add(new InMemoryReactiveClientRegistrationRepository(registration),
					"{baseUrl}/login/oauth2/code/one");
			OAuth2AuthorizationRequest request = context.getBean(ServerOAuth2AuthorizationRequestResolver.class)
				.resolve(MockServerWebExchange.from(MockServerHttpRequest.get("https://app.example/")),
						registration.getRegistrationId())
				.block();
			assertThat(request.getAdditionalParameters()).containsEntry("code_challenge_method", "S256")
				.containsKey("code_challenge")
				.containsEntry("resource", "http://127.0.0.1:1/mcp");
			assertThat(request.getRedirectUri()).isEqualTo("https://app.example/login/oauth2/code/one");
		});
	}

	@Test
	void aCallWithinARequestIsMadeForItsSignedInUser() {
		AtomicReference<String> principal = new AtomicReference<>();
		new McpReactiveUserFilter().filter(MockServerWebExchange.from(MockServerHttpRequest.get("/")),
				(exchange) -> Mono.deferContextual((context) -> {
					principal.set(McpSecurityContextPropagation.principal(context));
					return Mono.empty();
				}))
			.contextWrite(ReactiveSecurityContextHolder.withAuthentication(
					UsernamePasswordAuthenticationToken.authenticated("alice", null, AuthorityUtils.NO_AUTHORITIES)))
			.block();
		assertThat(principal).hasValue("alice");
	}

	@Test
	void anAnonymousRequestNamesNoUser() {
		AtomicReference<String> principal = new AtomicReference<>("none yet");
		new McpReactiveUserFilter().filter(MockServerWebExchange.from(MockServerHttpRequest.get("/")),
				(exchange) -> Mono.deferContextual((context) -> {
					principal.set(McpSecurityContextPropagation.principal(context));
					return Mono.empty();
				}))
			.contextWrite(ReactiveSecurityContextHolder.withAuthentication(new AnonymousAuthenticationToken("key",
					"anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
			.block();
		assertThat(principal.get()).isNull();
	}

	@Test
	void aCallThatNeedsTheUsersAuthorizationReachesSpringSecuritysRedirectAsItsCause() {
		ClientAuthorizationRequiredException required = new ClientAuthorizationRequiredException("one@as");
		assertThatExceptionOfType(ClientAuthorizationRequiredException.class)
			.isThrownBy(
					() -> new McpReactiveUserFilter()
						.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/")),
								(exchange) -> Mono.error(
										new IllegalStateException("The call failed", new RuntimeException(required))))
						.block())
			.isSameAs(required);
	}

	@Test
	void aCallWithoutASignedInUserFailsNamingConnectionAndMethod() {
		this.runner.run((context) -> assertThatExceptionOfType(McpAuthorizationException.class)
			.isThrownBy(() -> context.getBean(McpClient.class).reactive().callTool("my_notes", Map.of()).block())
			.withMessageContaining("one")
			.withMessageContaining("tools/call")
			.withMessageContaining("no signed-in user"));
	}

	@Test
	void withoutSpringSecuritysReactiveWebSupportTheGrantSaysWhatItNeeds() {
		this.runner.withClassLoader(new FilteredClassLoader(OAuth2AuthorizationRequestRedirectWebFilter.class))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(PREFIX + "grant")
				.hasMessageContaining("servlet or reactive web application"));
	}

	@Test
	void theApplicationServesAClientIdMetadataDocumentWhenAsked() {
		this.runner.withPropertyValues(McpWebAuthorizationAutoConfigurationTests.CLIENT_METADATA).run((context) -> {
			assertThat(context).hasNotFailed();
			MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/oauth/one.json"));
			context.getBean(McpClientMetadataWebFilter.class)
				.filter(exchange, (passing) -> Mono.error(new AssertionError("not served")))
				.block();
			assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/json");
			assertThat(exchange.getResponse().getBodyAsString().block())
				.contains("\"client_id\":\"https://app.example.com/oauth/one.json\"")
				.contains("\"redirect_uris\":[\"https://app.example.com/login/oauth2/code/one\"]");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistrations {

		@Bean
		InMemoryReactiveClientRegistrationRepository clientRegistrationRepository() {
			return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId("github")
				.clientId("app")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.authorizationUri("https://github.example/authorize")
				.tokenUri("https://github.example/token")
				.build());
		}

	}

}
