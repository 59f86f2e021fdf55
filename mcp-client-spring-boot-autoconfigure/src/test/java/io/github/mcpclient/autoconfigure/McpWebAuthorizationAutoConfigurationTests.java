package io.github.mcpclient.autoconfigure;

import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.exception.McpAuthorizationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The beans of the web application flow, and how they fit an application's own OAuth
 * client configuration.
 */
class McpWebAuthorizationAutoConfigurationTests {

	private static final String PREFIX = "mcp.client.connections.one.authorization.";

	/** A connection that names itself with a Client ID Metadata Document it serves. */
	static final String[] CLIENT_METADATA = { PREFIX + "client-id=",
			PREFIX + "client-metadata-url=https://app.example.com/oauth/one.json",
			"mcp.client.client-metadata.enabled=true" };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpClientAutoConfiguration.class,
				McpWebAuthorizationAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("mcp.client.connections.one.url=http://127.0.0.1:1/mcp",
				PREFIX + "grant=authorization-code", PREFIX + "client-id=web-client");

	@Test
	void authorizationCodeAuthorizesEachUserAndGivesSpringSecurityWhatItLooksUp() {
		this.runner.run((context) -> {
			assertThat(context.getBean(McpConnectionAuthorizations.class).get("one").isPerPrincipal()).isTrue();
			assertThat(context).hasSingleBean(ClientRegistrationRepository.class)
				.hasSingleBean(OAuth2AuthorizedClientService.class)
				.hasSingleBean(OAuth2AuthorizationRequestResolver.class)
				.hasSingleBean(OAuth2AccessTokenResponseClient.class);
		});
	}

	@Test
	void withoutAnAuthorizationCodeConnectionTheApplicationsOAuthSetupIsLeftAlone() {
		this.runner.withPropertyValues(PREFIX + "grant=none", PREFIX + "client-id=")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(OAuth2AuthorizedClientService.class)
				.doesNotHaveBean(McpWebRegistrations.class));
	}

	@Test
	void sessionBoundsComeFromTheConnectionsAuthorization() {
		this.runner.withPropertyValues(PREFIX + "max-sessions=7", PREFIX + "session-idle-timeout=2m").run((context) -> {
			McpClientSettings settings = new McpClientSettingsMapper(context.getBean(McpClientProperties.class), null,
					false)
				.map()
				.get(0);
			assertThat(settings.userSessions())
				.isEqualTo(new McpClientSettings.UserSessions(7, java.time.Duration.ofMinutes(2)));
		});
	}

	@Test
	void aCallWithoutASignedInUserFailsNamingConnectionAndMethod() {
		this.runner.run((context) -> assertThatExceptionOfType(McpAuthorizationException.class)
			.isThrownBy(() -> context.getBean(McpClient.class).callTool("my_notes", Map.of()))
			.withMessageContaining("one")
			.withMessageContaining("tools/call")
			.withMessageContaining("no signed-in user"));
	}

	@Test
	void theApplicationsOwnRegistrationsAreKeptBesideTheConnections() {
		this.runner.withUserConfiguration(OwnRegistrations.class).run((context) -> {
			assertThat(context).hasSingleBean(ClientRegistrationRepository.class);
			ClientRegistrationRepository repository = context.getBean(ClientRegistrationRepository.class);
			assertThat(repository).isInstanceOf(McpWebRegistrations.Composite.class);
			assertThat(repository.findByRegistrationId("github")).isNotNull();
			// A login page lists the application's registrations only.
			assertThat((Iterable<?>) repository).hasSize(1);
		});
	}

	@Test
	void aTemplateRedirectUriNeedsAPreRegisteredClient() {
		this.runner.withPropertyValues(PREFIX + "client-id=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(PREFIX + "redirect-uri"));
	}

	@Test
	void withoutSpringSecuritysWebSupportTheGrantSaysWhatItNeeds() {
		this.runner.withClassLoader(new FilteredClassLoader(OAuth2AuthorizationRequestRedirectFilter.class))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(PREFIX + "grant")
				.hasMessageContaining("servlet or reactive web application"));
	}

	@Test
	void theApplicationServesAClientIdMetadataDocumentWhenAsked() {
		this.runner.withPropertyValues(CLIENT_METADATA).run((context) -> {
			assertThat(context).hasNotFailed();
			FilterRegistrationBean<?> registration = context.getBean("mcpClientMetadataFilter",
					FilterRegistrationBean.class);
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth/one.json");
			MockHttpServletResponse response = new MockHttpServletResponse();
			registration.getFilter().doFilter(request, response, new MockFilterChain());
			assertThat(response.getContentType()).startsWith("application/json");
			assertThat(response.getContentAsString())
				.contains("\"client_id\":\"https://app.example.com/oauth/one.json\"")
				.contains("\"redirect_uris\":[\"https://app.example.com/login/oauth2/code/one\"]")
				.contains("\"token_endpoint_auth_method\":\"none\"")
				.contains("\"grant_types\":[\"authorization_code\",\"refresh_token\"]")
				.contains("\"response_types\":[\"code\"]")
				.contains("\"application_type\":\"web\"");
		});
	}

	@Test
	void noClientIdMetadataDocumentUnlessAsked() {
		this.runner
			.withPropertyValues(PREFIX + "client-id=",
					PREFIX + "client-metadata-url=https://app.example.com/oauth/one.json")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("mcpClientMetadataFilter"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistrations {

		@Bean
		InMemoryClientRegistrationRepository clientRegistrationRepository() {
			return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("github")
				.clientId("app")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.authorizationUri("https://github.example/authorize")
				.tokenUri("https://github.example/token")
				.build());
		}

	}

}
