package io.github.mcpclient.autoconfigure;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.OAuth2AuthorizationRequestRedirectWebFilter;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.WebSessionOAuth2ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;

/**
 * The authorization-code grant of MCP connections in a reactive (WebFlux) web application
 * secured by Spring Security, on its {@code oauth2Client()} support: a call for a
 * signed-in user who has not authorized the connection yet fails with Spring Security's
 * {@code ClientAuthorizationRequiredException}; its redirect filter takes the user to the
 * authorization server (PKCE S256, the {@code resource} of RFC 8707, the scopes) with the
 * {@link ServerOAuth2AuthorizationRequestResolver} defined here, which the security chain
 * must be given; its callback filter redeems the code and keeps the token for that user
 * in the {@link ReactiveOAuth2AuthorizedClientService} the connection reads.
 * <p>
 * The user is the one signed in to the request whose handler makes the call through the
 * reactive API: the user is named in the request's Reactor context. The blocking API
 * cannot be used on the server's threads.
 * <p>
 * The connections' client registrations, known only once discovery has run, are added to
 * the application's {@link ReactiveClientRegistrationRepository}: the one it defines (or
 * Spring Boot's, from {@code spring.security.oauth2.client.registration}) is wrapped;
 * without one, a repository of the connections' registrations only is defined.
 *
 * @since 0.2.0
 */
@AutoConfiguration(before = McpClientAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ WebClient.class, WebFilter.class, ReactiveClientRegistrationRepository.class,
		OAuth2AuthorizationRequestRedirectWebFilter.class })
@ConditionalOnBooleanProperty(name = "mcp.client.enabled", matchIfMissing = true)
@Conditional(OnAuthorizationCodeConnection.class)
@EnableConfigurationProperties({ McpClientProperties.class, McpClientMetadataProperties.class })
public final class McpReactiveWebAuthorizationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	McpWebRegistrations mcpWebRegistrations() {
		return new McpWebRegistrations();
	}

	@Bean
	static BeanPostProcessor mcpReactiveClientRegistrationRepositoryPostProcessor(
			ObjectProvider<McpWebRegistrations> registrations) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
				if (bean instanceof ReactiveClientRegistrationRepository repository
						&& !(bean instanceof McpWebRegistrations.ReactiveComposite)) {
					return registrations.getObject().reactiveRepository(repository);
				}
				return bean;
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveClientRegistrationRepository mcpReactiveClientRegistrationRepository(McpWebRegistrations registrations) {
		return registrations.reactiveRepository(null);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveOAuth2AuthorizedClientService mcpReactiveAuthorizedClientService(
			ReactiveClientRegistrationRepository registrations,
			ObjectProvider<McpClientRegistrations> clientRegistrations) {
		// The connections that use client credentials keep their tokens here too.
		McpClientRegistrations others = clientRegistrations.getIfAvailable();
		return new InMemoryReactiveOAuth2AuthorizedClientService(
				(others != null) ? others.repository(registrations) : registrations);
	}

	@Bean
	@ConditionalOnMissingBean
	ServerOAuth2AuthorizationRequestResolver mcpServerAuthorizationRequestResolver(
			ReactiveClientRegistrationRepository repository, McpWebRegistrations registrations) {
		DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(
				repository);
		// The resolver has just found the registration through the repository.
		resolver.setAuthorizationRequestCustomizer(
				McpWebAuthorizationSupport.authorizationRequestCustomizer(registrations::found));
		return resolver;
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> mcpReactiveAuthorizationCodeTokenResponseClient() {
		WebClientReactiveAuthorizationCodeTokenResponseClient client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
		client.addParametersConverter(
				(request) -> McpWebAuthorizationSupport.tokenRequestParameters(request.getClientRegistration()));
		return client;
	}

	@Bean
	McpReactiveAuthorizationResponseIssuerFilter mcpReactiveAuthorizationResponseIssuerFilter(
			McpWebRegistrations registrations,
			ObjectProvider<ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest>> authorizationRequests) {
		return new McpReactiveAuthorizationResponseIssuerFilter(
				authorizationRequests.getIfAvailable(WebSessionOAuth2ServerAuthorizationRequestRepository::new),
				registrations);
	}

	@Bean
	McpReactiveUserFilter mcpReactiveUserFilter() {
		return new McpReactiveUserFilter();
	}

	@Bean
	McpAuthorizationCodeFactory mcpAuthorizationCodeFactory(McpWebRegistrations registrations,
			ObjectProvider<ReactiveOAuth2AuthorizedClientService> authorizedClients,
			ObjectProvider<WebClient.Builder> webClientBuilder) {
		return McpWebAuthorizationSupport.authorizationCodeFactory(registrations, authorizedClients::getObject,
				webClientBuilder);
	}

	@Bean
	@ConditionalOnBooleanProperty("mcp.client.client-metadata.enabled")
	McpClientMetadataWebFilter mcpClientMetadataWebFilter(McpClientProperties properties) {
		return new McpClientMetadataWebFilter(McpWebAuthorizationSupport.clientMetadataDocuments(properties));
	}

}
