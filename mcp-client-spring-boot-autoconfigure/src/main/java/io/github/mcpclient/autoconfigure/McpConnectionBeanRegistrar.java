package io.github.mcpclient.autoconfigure;

import java.util.Map;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClients;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link McpClient} bean per enabled connection, named and qualified by the
 * connection name, each resolved from whatever {@link McpClients} bean the context has
 * (see {@link McpConnectionBeans}). An {@code McpClient} bean the application defines
 * under a connection's name wins; a bean of another type under that name fails startup,
 * since the connection would otherwise silently have no bean.
 * <p>
 * Ahead-of-time processing runs this registrar at build time and writes out the
 * definitions it registered (with what {@link McpConnectionBeans#aotContribution} adds),
 * so the registrar itself is left out of the generated code.
 */
final class McpConnectionBeanRegistrar implements BeanDefinitionRegistryPostProcessor,
		BeanFactoryInitializationAotProcessor, BeanRegistrationAotProcessor {

	private final Environment environment;

	McpConnectionBeanRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		// Bean definitions come before any bean, so the properties bean cannot be asked;
		// the names follow the same rule the settings mapper applies to it, and
		// McpConnectionBeans checks at startup that both agree.
		Map<String, McpClientProperties.Connection> connections = Binder.get(this.environment)
			.bind(McpClientSettingsMapper.PREFIX + "connections",
					Bindable.mapOf(String.class, McpClientProperties.Connection.class))
			.orElse(Map.of());
		for (String name : McpClientSettingsMapper.enabled(connections).keySet()) {
			if (!isApplicationsOwnClient(registry, name)) {
				registry.registerBeanDefinition(name, McpConnectionBeans.definition(name));
			}
		}
	}

	/**
	 * Whether the name is taken by the application's own client. Taken by a bean of
	 * another type, it is a clash.
	 */
	private static boolean isApplicationsOwnClient(BeanDefinitionRegistry registry, String name) {
		if (!registry.isBeanNameInUse(name)) {
			return false;
		}
		Class<?> type = (registry instanceof ConfigurableListableBeanFactory beanFactory)
				? beanFactory.getType(name, false) : null;
		if (type != null && McpClient.class.isAssignableFrom(type)) {
			return true;
		}
		throw new IllegalStateException("The MCP connection '" + name + "' (" + McpClientSettingsMapper.PREFIX
				+ "connections." + name + ") cannot be registered as an McpClient bean named '" + name
				+ "': that name is taken by a bean of "
				+ ((type != null) ? "type " + type.getName() : "a type not known before it is created")
				+ ". Rename the connection or the bean.");
	}

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		return null;
	}

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		return McpConnectionBeans.aotContribution(registeredBean);
	}

}
