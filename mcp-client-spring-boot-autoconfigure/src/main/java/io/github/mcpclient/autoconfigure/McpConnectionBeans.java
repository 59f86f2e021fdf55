package io.github.mcpclient.autoconfigure;

import java.util.List;
import java.util.function.Predicate;

import io.github.mcpclient.McpClient;
import io.github.mcpclient.McpClientSettings;
import io.github.mcpclient.McpClients;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragments;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragmentsDecorator;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.CodeBlock;

/**
 * The per-connection {@link McpClient} beans: each one the client of its connection in
 * whatever {@link McpClients} bean the context has.
 * <p>
 * A definition names a static factory method with the connection name as an argument,
 * rather than carrying an instance supplier, so that ahead-of-time processing can write
 * it out; {@link #aotContribution(RegisteredBean)} keeps what it would lose.
 */
final class McpConnectionBeans {

	private McpConnectionBeans() {
	}

	static RootBeanDefinition definition(String connectionName) {
		RootBeanDefinition definition = new RootBeanDefinition(McpConnectionBeans.class);
		definition.setFactoryMethodName("client");
		definition.setTargetType(McpClient.class);
		ConstructorArgumentValues arguments = definition.getConstructorArgumentValues();
		arguments.addIndexedArgumentValue(0, new RuntimeBeanReference(McpClients.class));
		arguments.addIndexedArgumentValue(1, connectionName);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, connectionName));
		// McpClients closes every connection; the per-connection view must not close
		// again.
		definition.setDestroyMethodName("");
		return definition;
	}

	/**
	 * The client of one connection.
	 * @param clients the context's clients
	 * @param connectionName the connection name
	 * @return the connection's client
	 */
	static McpClient client(McpClients clients, String connectionName) {
		McpClient client = clients.find(connectionName);
		if (client == null) {
			throw new IllegalStateException("The McpClients bean has no client for the MCP connection '"
					+ connectionName + "' configured under " + property(connectionName) + ", only " + clients.names()
					+ ". Add it to that bean, or set " + property(connectionName) + ".enabled=false.");
		}
		return client;
	}

	/**
	 * Check that every connection has a bean of its own. The bean definitions are
	 * registered before any bean is created (for an application processed ahead of time,
	 * at build time), so a connection that appears only later would otherwise silently
	 * lack one.
	 * @param connections the settings of the connections to create
	 * @param beanFactory the bean factory that holds the per-connection beans
	 */
	static void checkEachHasABean(List<McpClientSettings> connections, BeanFactory beanFactory) {
		for (McpClientSettings connection : connections) {
			String name = connection.connectionName();
			if (!beanFactory.containsBean(name)) {
				throw new IllegalStateException("The MCP connection '" + name + "' has no McpClient bean: "
						+ property(name) + " was not configured yet when the bean definitions were registered "
						+ "(at build time, for an application processed ahead of time). Configure it where the "
						+ "application's configuration is read at startup, such as application.yml, or set "
						+ property(name) + ".enabled=false.");
			}
		}
	}

	/**
	 * What ahead-of-time processing must add to a per-connection bean's generated
	 * definition. It writes out the destroy methods inferred at build time, and the empty
	 * name infers none, so the generated definition would have no destroy method name and
	 * the container would infer {@code close()} again at runtime: each connection would
	 * be closed once by its own bean, one after the other, and again by
	 * {@link McpClients}.
	 * @param registeredBean a bean being processed ahead of time
	 * @return the contribution for a per-connection bean, otherwise {@code null}
	 */
	static @Nullable BeanRegistrationAotContribution aotContribution(RegisteredBean registeredBean) {
		RootBeanDefinition definition = registeredBean.getMergedBeanDefinition();
		if (!definition.hasBeanClass() || definition.getBeanClass() != McpConnectionBeans.class) {
			return null;
		}
		return BeanRegistrationAotContribution.withCustomCodeFragments(WithoutDestroyMethod::new);
	}

	private static String property(String connectionName) {
		return McpClientSettingsMapper.PREFIX + "connections." + connectionName;
	}

	private static final class WithoutDestroyMethod extends BeanRegistrationCodeFragmentsDecorator {

		WithoutDestroyMethod(BeanRegistrationCodeFragments delegate) {
			super(delegate);
		}

		@Override
		public CodeBlock generateSetBeanDefinitionPropertiesCode(GenerationContext generationContext,
				BeanRegistrationCode beanRegistrationCode, RootBeanDefinition beanDefinition,
				Predicate<String> attributeFilter) {
			return CodeBlock.builder()
				.add(super.generateSetBeanDefinitionPropertiesCode(generationContext, beanRegistrationCode,
						beanDefinition, attributeFilter))
				.addStatement("$L.setDestroyMethodName($S)", BEAN_DEFINITION_VARIABLE, "")
				.build();
		}

	}

}
