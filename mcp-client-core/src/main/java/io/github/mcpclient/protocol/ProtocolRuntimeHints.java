package io.github.mcpclient.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.ClassMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * Reflection hints for the MCP messages, which Jackson reads and writes by reflection:
 * every type of this package, with what binding needs (constructors, accessors, record
 * components), so that an application compiled to a native image can still speak MCP.
 * Registered in {@code META-INF/spring/aot.factories}, so ahead-of-time processing finds
 * it.
 */
class ProtocolRuntimeHints implements RuntimeHintsRegistrar {

	private static final String PACKAGE = ProtocolRuntimeHints.class.getPackageName();

	private final BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindingHints.registerReflectionHints(hints.reflection(),
				messageTypes(classLoader).toArray(Class<?>[]::new));
	}

	/**
	 * The types of this package, found rather than listed so that a message added later
	 * cannot be forgotten. This runs at build time, where the classes are on the
	 * classpath to be read.
	 */
	static List<Class<?>> messageTypes(@Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory(resolver);
		List<Class<?>> types = new ArrayList<>();
		try {
			for (Resource resource : resolver
				.getResources("classpath*:" + ClassUtils.convertClassNameToResourcePath(PACKAGE) + "/*.class")) {
				ClassMetadata type = readers.getMetadataReader(resource).getClassMetadata();
				if (type.isIndependent() && !type.getClassName().endsWith("package-info")
						&& !type.getClassName().equals(ProtocolRuntimeHints.class.getName())) {
					types.add(ClassUtils.resolveClassName(type.getClassName(), resolver.getClassLoader()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the classes of " + PACKAGE, ex);
		}
		return types;
	}

}
