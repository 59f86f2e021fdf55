package io.github.mcpclient.springai.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.mcpclient.McpClients;
import io.github.mcpclient.springai.McpToolCallMeta;
import io.github.mcpclient.springai.McpToolCallbackProvider;
import io.github.mcpclient.springai.McpToolFilter;
import io.github.mcpclient.springai.McpToolListChanges;
import io.github.mcpclient.springai.McpToolNaming;
import io.github.mcpclient.springai.McpToolResultConverter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link McpToolCallbackProvider} that offers the tools of every
 * MCP connection to Spring AI.
 * <p>
 * Runs after the MCP client's auto-configuration, whose {@link McpClients} it needs. The
 * {@link McpToolListChanges} listener is a bean of its own, without dependencies, so that
 * the clients are created with it. The provider lists nothing before the context has
 * started.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.github.mcpclient.autoconfigure.McpClientAutoConfiguration")
@ConditionalOnClass(ToolCallbackProvider.class)
@ConditionalOnBooleanProperty(name = "mcp.client.spring-ai.enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpSpringAiProperties.class)
public final class McpSpringAiAutoConfiguration {

	private static final Log logger = LogFactory.getLog(McpSpringAiAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(McpClients.class)
	McpToolListChanges mcpToolListChanges() {
		return new McpToolListChanges();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(McpClients.class)
	McpToolCallbackProvider mcpToolCallbackProvider(McpClients clients, McpSpringAiProperties properties,
			ObjectProvider<McpToolListChanges> listChanges, ObjectProvider<McpToolFilter> filters,
			ObjectProvider<McpToolNaming> naming, ObjectProvider<McpToolResultConverter> resultConverter,
			ObjectProvider<McpToolCallMeta> callMeta) {
		warnAboutUnknownConnections(clients, properties);
		McpToolFilter filter = filters.orderedStream()
			.reduce(new PropertiesToolFilter(properties.getConnections()), McpToolFilter::and);
		McpToolCallbackProvider.Builder builder = McpToolCallbackProvider.builder(clients)
			.filter(filter)
			.naming(naming.getIfAvailable(
					() -> properties.isPrefixToolNames() ? McpToolNaming.prefixed() : McpToolNaming.toolNameOnly()))
			.resultConverter(resultConverter.getIfAvailable(McpToolResultConverter::text))
			.callMeta(callMeta.getIfAvailable(McpToolCallMeta::fromToolContextEntry))
			.retryInterval(properties.getRetryInterval())
			// Spring AI's tool resolver asks every provider bean for its callbacks while
			// the context starts; that must not connect to every server
			.deferListingUntilStarted();
		listChanges.ifAvailable(builder::listChanges);
		return builder.build();
	}

	private static void warnAboutUnknownConnections(McpClients clients, McpSpringAiProperties properties) {
		Set<String> unknown = new LinkedHashSet<>(properties.getConnections().keySet());
		unknown.removeAll(clients.names());
		if (!unknown.isEmpty()) {
			// A disabled connection is no error, so this does not stop the application
			logger.warn("mcp.client.spring-ai.connections names " + unknown + ", which are not among the MCP "
					+ "connections " + clients.names() + "; their tool filters have no effect");
		}
	}

}
