package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.github.mcpclient.auth.OAuthAuthorization;
import io.github.mcpclient.auth.OAuthGrant;
import io.github.mcpclient.autoconfigure.McpClientProperties.ClientAuthenticationMethod;
import io.github.mcpclient.autoconfigure.McpClientProperties.Grant;
import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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

	/** The redirect URI of a connection, before its name, unless configured. */
	static final String DEFAULT_REDIRECT_URI = "{baseUrl}/login/oauth2/code/";

	// Spring Security's filter chain is registered at -100 by default.
	private static final int BEFORE_SECURITY_ORDER = -110;

	// Where the resource indicator sits in a connection's client registration.
	private static final String RESOURCE_METADATA = "mcp_resource";

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
		resolver.setAuthorizationRequestCustomizer((builder) -> {
			String[] registrationId = new String[1];
			builder.attributes(
					(attributes) -> registrationId[0] = (String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID));
			String resource = (registrationId[0] != null)
					? resource(registrations.findByRegistrationId(registrationId[0])) : null;
			if (resource != null) {
				// An MCP connection: PKCE with S256 always, and the server as the
				// resource.
				OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
				builder.additionalParameters((parameters) -> parameters.put("resource", resource));
			}
		});
		return resolver;
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> mcpAuthorizationCodeTokenResponseClient() {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.addParametersConverter((request) -> {
			MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
			String resource = resource(request.getClientRegistration());
			if (resource != null) {
				parameters.add("resource", resource);
			}
			return parameters;
		});
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
		return (settings, serverUrl) -> {
			String template = redirectUriTemplate(settings);
			URI redirectUri = redirectUri(settings, template);
			OAuthAuthorization.Builder builder = OAuthAuthorization.builder()
				.grant(OAuthGrant.AUTHORIZATION_CODE)
				.clientId(settings.clientId())
				.clientSecret(settings.clientSecret())
				.scopes(settings.scopes())
				.clientMetadataUrl(settings.clientMetadataUrl())
				.clientName(settings.connectionName())
				.applicationType("web")
				.userAgent(new AuthorizationRequiredUserAgent(redirectUri))
				.principal(McpSecurityContextPropagation::principal)
				.authorizedClientService((repository) -> {
					registrations.add(repository, template);
					return new McpServletAuthorizedClients(authorizedClients);
				})
				.webClient(() -> webClientBuilder.getIfAvailable(WebClient::builder).clone().build());
			if (settings.clientAuthenticationMethod() == ClientAuthenticationMethod.NONE) {
				builder.clientAuthentication(org.springframework.security.oauth2.core.ClientAuthenticationMethod.NONE);
			}
			return builder.build();
		};
	}

	@Bean
	@ConditionalOnBooleanProperty("mcp.client.client-metadata.enabled")
	FilterRegistrationBean<McpClientMetadataFilter> mcpClientMetadataFilter(McpClientProperties properties) {
		List<McpClientMetadataFilter.Document> documents = new ArrayList<>();
		new McpClientSettingsMapper(properties, null, false).authorizations().forEach((name, settings) -> {
			if (settings.grant() == Grant.AUTHORIZATION_CODE && settings.clientMetadataUrl() != null) {
				documents.add(new McpClientMetadataFilter.Document(settings.clientMetadataUrl(), name,
						redirectUriTemplate(settings)));
			}
		});
		FilterRegistrationBean<McpClientMetadataFilter> registration = new FilterRegistrationBean<>(
				new McpClientMetadataFilter(documents));
		// Before Spring Security's filters: the authorization server fetches it unsigned.
		registration.setOrder(BEFORE_SECURITY_ORDER);
		return registration;
	}

	// The redirect URI as configured, or the default. A connection that identifies itself
	// with a metadata document takes {baseUrl} from the document's URL, so that the
	// document can list it.
	static String redirectUriTemplate(McpAuthorizationSettings settings) {
		String template = (settings.redirectUri() != null) ? settings.redirectUri()
				: DEFAULT_REDIRECT_URI + settings.connectionName();
		URI metadataUrl = settings.clientMetadataUrl();
		if (settings.clientId() == null && metadataUrl != null) {
			String origin = metadataUrl.getScheme() + "://" + metadataUrl.getRawAuthority();
			template = template.replace("{baseUrl}", origin);
		}
		return template;
	}

	// The core needs an absolute redirect URI for dynamic registration and metadata
	// documents; a template is expanded by Spring Security per request, so it serves a
	// pre-registered client only.
	private static URI redirectUri(McpAuthorizationSettings settings, String template) {
		if (!template.contains("{")) {
			return URI.create(template);
		}
		if (settings.clientId() == null) {
			throw new InvalidConfigurationPropertyValueException(settings.property() + "redirect-uri", template,
					"Without a pre-registered client id the client registers its redirect URI with the "
							+ "authorization server or lists it in its metadata document, which needs it absolute, "
							+ "such as " + "'https://app.example.com/login/oauth2/code/" + settings.connectionName()
							+ "'.");
		}
		return URI.create("https://redirect-uri.invalid/login/oauth2/code/" + settings.connectionName());
	}

	private static @Nullable String resource(@Nullable ClientRegistration registration) {
		if (registration == null) {
			return null;
		}
		Object resource = registration.getProviderDetails().getConfigurationMetadata().get(RESOURCE_METADATA);
		return (resource != null) ? resource.toString() : null;
	}

}
