package io.github.mcpclient.autoconfigure;

import jakarta.servlet.Filter;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The authorization-code grant of MCP connections in a servlet web application secured by
 * Spring Security, on its {@code oauth2Client()} support: a call for a signed-in user who
 * has not authorized the connection yet fails with Spring Security's
 * {@code ClientAuthorizationRequiredException}; its redirect filter takes the user to the
 * authorization server (PKCE S256, the {@code resource} of RFC 8707, the scopes); its
 * callback filter redeems the code and keeps the token for that user in the
 * {@link OAuth2AuthorizedClientService} the connection reads.
 * <p>
 * The connections' client registrations, known only once discovery has run, are added to
 * the application's {@link ClientRegistrationRepository}: the one it defines (or Spring
 * Boot's, from {@code spring.security.oauth2.client.registration}) is wrapped; without
 * one, a repository of the connections' registrations only is defined. The security
 * filter chain needs {@code oauth2Client()}.
 *
 * @since 0.2.0
 */
@AutoConfiguration(before = McpClientAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ WebClient.class, Filter.class, ClientRegistrationRepository.class,
		OAuth2AuthorizationRequestRedirectFilter.class })
@ConditionalOnBooleanProperty(name = "mcp.client.enabled", matchIfMissing = true)
@Conditional(OnAuthorizationCodeConnection.class)
@EnableConfigurationProperties({ McpClientProperties.class, McpClientMetadataProperties.class })
public final class McpWebAuthorizationAutoConfiguration {

	// Spring Security's filter chain is registered at -100 by default.
	private static final int BEFORE_SECURITY_ORDER = -110;

	@Bean
	@ConditionalOnMissingBean
	McpWebRegistrations mcpWebRegistrations(ObjectProvider<McpClientRegistrations> clientCredentials) {
		return new McpWebRegistrations(clientCredentials.getIfAvailable());
	}

	@Bean
	static BeanPostProcessor mcpClientRegistrationRepositoryPostProcessor(
			ObjectProvider<McpWebRegistrations> registrations) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
				if (bean instanceof ClientRegistrationRepository repository
						&& !(bean instanceof McpWebRegistrations.Composite)) {
					return registrations.getObject().repository(repository);
				}
				return bean;
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	ClientRegistrationRepository mcpClientRegistrationRepository(McpWebRegistrations registrations) {
		return registrations.repository(null);
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AuthorizedClientService mcpAuthorizedClientService(ClientRegistrationRepository registrations) {
		return new InMemoryOAuth2AuthorizedClientService(registrations);
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AuthorizationRequestResolver mcpAuthorizationRequestResolver(ClientRegistrationRepository registrations) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		resolver.setAuthorizationRequestCustomizer(
				McpWebAuthorizationSupport.authorizationRequestCustomizer(registrations::findByRegistrationId));
		return resolver;
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> mcpAuthorizationCodeTokenResponseClient() {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.addParametersConverter(
				(request) -> McpWebAuthorizationSupport.tokenRequestParameters(request.getClientRegistration()));
		return client;
	}

	@Bean
	FilterRegistrationBean<McpAuthorizationResponseIssuerFilter> mcpAuthorizationResponseIssuerFilter(
			McpWebRegistrations registrations,
			ObjectProvider<AuthorizationRequestRepository<OAuth2AuthorizationRequest>> authorizationRequests) {
		FilterRegistrationBean<McpAuthorizationResponseIssuerFilter> registration = new FilterRegistrationBean<>(
				new McpAuthorizationResponseIssuerFilter(
						authorizationRequests.getIfAvailable(HttpSessionOAuth2AuthorizationRequestRepository::new),
						registrations));
		// Before Spring Security's filters, whose callback filter redeems the code.
		registration.setOrder(BEFORE_SECURITY_ORDER);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	McpBlockingCallContext mcpSecurityContextPropagation() {
		return McpSecurityContextPropagation::withCurrentUser;
	}

	@Bean
	McpAuthorizationCodeFactory mcpAuthorizationCodeFactory(McpWebRegistrations registrations,
			OAuth2AuthorizedClientService authorizedClients, ObjectProvider<WebClient.Builder> webClientBuilder) {
		return McpWebAuthorizationSupport.authorizationCodeFactory(registrations,
				() -> new McpServletAuthorizedClients(authorizedClients), webClientBuilder);
	}

	@Bean
	@ConditionalOnBooleanProperty("mcp.client.client-metadata.enabled")
	FilterRegistrationBean<McpClientMetadataFilter> mcpClientMetadataFilter(McpClientProperties properties) {
		FilterRegistrationBean<McpClientMetadataFilter> registration = new FilterRegistrationBean<>(
				new McpClientMetadataFilter(McpWebAuthorizationSupport.clientMetadataDocuments(properties)));
		// Before Spring Security's filters: the authorization server fetches it unsigned.
		registration.setOrder(BEFORE_SECURITY_ORDER);
		return registration;
	}

}
