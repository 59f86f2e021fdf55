package io.github.mcpclient.autoconfigure;

import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link McpClient} bean per enabled connection, named and qualified by the
 * connection name, each resolved from {@link McpClients}. A bean the application already
 * defines under that name wins.
 */
final class McpConnectionBeanRegistrar implements BeanDefinitionRegistryPostProcessor {

	private final Environment environment;

	McpConnectionBeanRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		Map<String, McpClientProperties.Connection> connections = Binder.get(this.environment)
			.bind("mcp.client.connections", Bindable.mapOf(String.class, McpClientProperties.Connection.class))
			.orElse(Map.of());
		BeanFactory beanFactory = (BeanFactory) registry;
		connections.forEach((name, connection) -> {
			if (connection.isEnabled() && !registry.containsBeanDefinition(name)) {
				RootBeanDefinition definition = new RootBeanDefinition(McpClient.class,
						() -> beanFactory.getBean(McpClients.class).get(name));
				definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
				// McpClients closes every connection; the per-connection view must not
				// close again.
				definition.setDestroyMethodName("");
				registry.registerBeanDefinition(name, definition);
			}
		});
	}

}
