package io.github.mcpclient.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.mcpclient.EraVerdicts;
import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientCustomizer;
import io.github.mcpclient.McpClientHandlers;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpClients;
import io.github.mcpclient.McpElicitationHandler;
import io.github.mcpclient.McpNotificationListener;
import io.github.mcpclient.McpRootsProvider;
import io.github.mcpclient.McpSamplingHandler;
import io.github.mcpclient.auth.AuthorizationCodeUserAgent;
import io.github.mcpclient.auth.LoopbackUserAgent;
import io.github.mcpclient.auth.McpAuthorization;
import io.github.mcpclient.auth.McpTokenSource;
import io.github.mcpclient.engine.McpClientFactory;
import io.github.mcpclient.observation.McpClientObservationConvention;
import io.github.mcpclient.observation.McpServerRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of one MCP client per connection configured under
 * {@code mcp.client.connections}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass(WebClient.class)
@ConditionalOnBooleanProperty(name = "mcp.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpClientProperties.class)
public final class McpClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EraVerdicts mcpEraVerdicts() {
		return EraVerdicts.inMemory();
	}

	@Bean
	@ConditionalOnMissingBean
	McpClients mcpClients(McpClientProperties properties, Environment environment,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<McpClientCustomizer> customizers,
			ObjectProvider<McpElicitationHandler> elicitation, ObjectProvider<McpSamplingHandler> sampling,
			ObjectProvider<McpRootsProvider> roots, ObjectProvider<McpNotificationListener> listeners,
			EraVerdicts eraVerdicts, McpConnectionAuthorizations authorizations, ListableBeanFactory beanFactory,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<McpClientObservationConvention> observationConvention,
			ObjectProvider<McpServerRequestObservationConvention> serverRequestObservationConvention,
			ObjectProvider<McpBlockingCallContext> blockingCallContext) {
		McpClientHandlers handlers = new McpClientHandlers(single(elicitation, McpElicitationHandler.class),
				single(sampling, McpSamplingHandler.class), single(roots, McpRootsProvider.class),
				listeners.orderedStream().toList());
		// Servers send requests and notifications of their own on the GET stream, so an
		// application that handles them listens unless told otherwise.
		List<McpClientSettings> connections = new McpClientSettingsMapper(properties,
				environment.getProperty("spring.application.name"), handlers.expectsServerMessages())
			.map();
		McpConnectionBeans.checkEachHasABean(connections, beanFactory);
		McpClientFactory.Builder factory = McpClientFactory.builder()
			// Asked on each connection's first call: the builder brings the context's
			// HTTP connector, which nothing needs while the context starts.
			.webClientBuilder(() -> webClientBuilder.getIfAvailable(WebClient::builder))
			.eraVerdicts(eraVerdicts)
			// Without a registry nothing is observed, at no cost; the conventions replace
			// the defaults as Boot's HTTP client conventions do.
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfAvailable())
			.serverRequestObservationConvention(serverRequestObservationConvention.getIfAvailable());
		customizers.orderedStream().forEach(factory::customizer);
		// In a servlet application secured by Spring Security: the signed-in user (a
		// reactive one names the user in the request's context instead).
		blockingCallContext.ifAvailable(factory::blockingCallContext);
		McpClientFactory clientFactory = factory.build();
		List<McpClient> clients = new ArrayList<>(connections.size());
		for (McpClientSettings settings : connections) {
			clients.add(clientFactory.create(settings, handlers, authorizations.get(settings.connectionName())));
		}
		return new McpClients(clients, properties.getCloseTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	McpConnectionAuthorizations mcpConnectionAuthorizations(McpClientProperties properties,
			ObjectProvider<McpTokenSource> tokenSource, ObjectProvider<McpOAuthAuthorizationFactory> oauth,
			ObjectProvider<McpAuthorizationCodeFactory> authorizationCode,
			ObjectProvider<McpLoopbackUserAgents> loopbackUserAgents) {
		McpClientSettingsMapper mapper = new McpClientSettingsMapper(properties, null, false);
		Map<String, URI> urls = new LinkedHashMap<>();
		mapper.map().forEach((settings) -> urls.put(settings.connectionName(), settings.url()));
		Map<String, McpAuthorization> authorizations = new LinkedHashMap<>();
		mapper.authorizations().forEach((name, settings) -> {
			McpAuthorization authorization = switch (settings.grant()) {
				case NONE -> McpAuthorization.none();
				case BEARER_PASS_THROUGH -> bearerPassThrough(settings, tokenSource);
				case AUTHORIZATION_CODE -> {
					McpAuthorizationCodeFactory factory = authorizationCode.getIfAvailable();
					McpOAuthAuthorizationFactory loopback = (loopbackUserAgents.getIfAvailable() != null)
							? oauth.getIfAvailable() : null;
					if (factory == null && loopback != null) {
						yield loopback.create(settings, urls.get(name));
					}
					if (factory == null) {
						throw new InvalidConfigurationPropertyValueException(settings.property() + "grant",
								"authorization-code",
								"This grant needs Spring Security's OAuth client "
										+ "(spring-security-oauth2-client); a servlet or reactive web application also "
										+ "needs spring-security-config, whose oauth2Client() support redirects each user "
										+ "to the authorization server.");
					}
					yield factory.create(settings, urls.get(name));
				}
				case CLIENT_CREDENTIALS -> {
					McpOAuthAuthorizationFactory factory = oauth.getIfAvailable();
					if (factory == null) {
						throw new InvalidConfigurationPropertyValueException(settings.property() + "grant",
								McpAuthorizationSettings.kebab(settings.grant()),
								"This grant needs Spring Security's OAuth client on the classpath: add "
										+ "org.springframework.security:spring-security-oauth2-client.");
					}
					yield factory.create(settings, urls.get(name));
				}
			};
			authorizations.put(name, authorization);
		});
		return new McpConnectionAuthorizations(authorizations);
	}

	private static McpAuthorization bearerPassThrough(McpAuthorizationSettings settings,
			ObjectProvider<McpTokenSource> tokenSource) {
		McpTokenSource source = single(tokenSource, McpTokenSource.class);
		if (source == null) {
			throw new InvalidConfigurationPropertyValueException(settings.property() + "grant", "bearer-pass-through",
					"Bearer pass-through sends the token an McpTokenSource bean gives, and the application "
							+ "defines none.");
		}
		return source.asAuthorization();
	}

	/**
	 * The one handler of a type, or the primary one of several. A second handler must not
	 * go unnoticed: ignoring both would quietly drop the capability.
	 */
	private static <T> @Nullable T single(ObjectProvider<T> handlers, Class<T> type) {
		try {
			return handlers.getIfAvailable();
		}
		catch (NoUniqueBeanDefinitionException ex) {
			throw new NoUniqueBeanDefinitionException(type, ex.getBeanNamesFound(),
					"MCP clients use one " + type.getSimpleName() + " but " + ex.getNumberOfBeansFound()
							+ " beans were found: " + String.join(", ", ex.getBeanNamesFound())
							+ ". Mark one of them @Primary, or remove the others.");
		}
	}

	/**
	 * OAuth grants on Spring Security's OAuth client, when it is on the classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactiveOAuth2AuthorizedClientService.class)
	static class OAuthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpClientRegistrations mcpClientRegistrations() {
			return new McpClientRegistrations();
		}

		@Bean
		@ConditionalOnNotWebApplication
		McpLoopbackUserAgents mcpLoopbackUserAgents(ObjectProvider<AuthorizationCodeUserAgent> userAgent,
				ObjectProvider<LoopbackUserAgent.Browser> browser) {
			return new McpLoopbackUserAgents(userAgent.getIfUnique(), browser.getIfUnique(), Duration.ofMinutes(5));
		}

		@Bean
		McpOAuthAuthorizationFactory mcpOAuthAuthorizationFactory(McpClientRegistrations registrations,
				ObjectProvider<ReactiveOAuth2AuthorizedClientService> reactiveAuthorizedClients,
				ObjectProvider<OAuth2AuthorizedClientService> authorizedClients,
				ObjectProvider<WebClient.Builder> webClientBuilder,
				ObjectProvider<McpLoopbackUserAgents> loopbackUserAgents) {
			// One store for all connections, chosen when the first connection is built.
			Supplier<ReactiveOAuth2AuthorizedClientService> store = SingletonSupplier
				.of(() -> tokenStore(registrations, reactiveAuthorizedClients, authorizedClients));
			// Each connection's HTTP client for its authorization server is built on its
			// first authorization attempt, not at startup.
			return (settings, serverUrl) -> McpAuthorizations.forConnection(settings, serverUrl,
					new McpAuthorizations.Services(store.get(), registrations,
							() -> webClientBuilder.getIfAvailable(WebClient::builder).clone().build(),
							loopbackUserAgents.getIfAvailable()));
		}

		// The application's reactive token store (R2DBC, say); else its servlet one (such
		// as Spring Security's JDBC one), whose blocking calls run off the event loop;
		// else one in memory.
		private static ReactiveOAuth2AuthorizedClientService tokenStore(McpClientRegistrations registrations,
				ObjectProvider<ReactiveOAuth2AuthorizedClientService> reactiveAuthorizedClients,
				ObjectProvider<OAuth2AuthorizedClientService> authorizedClients) {
			ReactiveOAuth2AuthorizedClientService reactive = reactiveAuthorizedClients.getIfAvailable();
			if (reactive != null) {
				return reactive;
			}
			OAuth2AuthorizedClientService servlet = authorizedClients.getIfAvailable();
			if (servlet != null) {
				return new McpServletAuthorizedClients(servlet);
			}
			return new InMemoryReactiveOAuth2AuthorizedClientService(registrations.repository());
		}

	}

	@Bean
	McpClientsShutdown mcpClientsShutdown(McpClients clients) {
		return new McpClientsShutdown(clients);
	}

	@Bean
	static McpConnectionBeanRegistrar mcpConnectionBeanRegistrar(Environment environment) {
		return new McpConnectionBeanRegistrar(environment);
	}

	@Bean
	@ConditionalOnBooleanProperty("mcp.client.initialize-on-startup")
	McpClientStartup mcpClientStartup(McpClients clients, McpClientProperties properties) {
		return new McpClientStartup(clients, properties.isFailFast());
	}

}
