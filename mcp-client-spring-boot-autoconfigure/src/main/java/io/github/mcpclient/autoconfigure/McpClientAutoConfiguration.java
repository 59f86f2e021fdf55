package io.github.mcpclient.autoconfigure;

import java.util.ArrayList;
import java.util.List;

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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
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
			EraVerdicts eraVerdicts, ListableBeanFactory beanFactory,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<McpClientObservationConvention> observationConvention,
			ObjectProvider<McpServerRequestObservationConvention> serverRequestObservationConvention) {
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
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.eraVerdicts(eraVerdicts)
			// Without a registry nothing is observed, at no cost; the conventions replace
			// the defaults as Boot's HTTP client conventions do.
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfAvailable())
			.serverRequestObservationConvention(serverRequestObservationConvention.getIfAvailable());
		customizers.orderedStream().forEach(factory::customizer);
		McpClientFactory clientFactory = factory.build();
		List<McpClient> clients = new ArrayList<>(connections.size());
		for (McpClientSettings settings : connections) {
			clients.add(clientFactory.create(settings, handlers));
		}
		return new McpClients(clients, properties.getCloseTimeout());
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
