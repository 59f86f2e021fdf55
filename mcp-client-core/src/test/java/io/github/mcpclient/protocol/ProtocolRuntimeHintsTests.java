package io.github.mcpclient.protocol;

import java.lang.reflect.RecordComponent;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProtocolRuntimeHints}: what Jackson needs to bind every message in a
 * native image.
 */
class ProtocolRuntimeHintsTests {

	private static final List<Class<?>> PROTOCOL_TYPES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ProtocolRuntimeHints.class.getPackageName())
		.stream()
		.filter((type) -> type.getPackageName().equals(ProtocolRuntimeHints.class.getPackageName()))
		.filter((type) -> !type.isAnonymousClass() && !type.getSimpleName().equals("package-info"))
		.map(JavaClass::reflect)
		.filter((type) -> type != ProtocolRuntimeHints.class)
		.<Class<?>>map((type) -> type)
		.toList();

	private final RuntimeHints hints = registered();

	@Test
	void isFoundByAheadOfTimeProcessing() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(ProtocolRuntimeHints.class);
	}

	@Test
	void everyTypeOfTheProtocolPackageIsRegistered() {
		assertThat(PROTOCOL_TYPES).contains(CallToolResult.class, Content.class, TextContent.class,
				UnknownContent.class, JsonRpcRequest.class, LoggingLevel.class);
		assertThat(PROTOCOL_TYPES)
			.allSatisfy((type) -> assertThat(RuntimeHintsPredicates.reflection().onType(type)).accepts(this.hints));
	}

	@Test
	void everyRecordCanBeReadAndWrittenByReflection() {
		assertThat(PROTOCOL_TYPES.stream().filter(Class::isRecord)).isNotEmpty().allSatisfy((type) -> {
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] parameterTypes = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				parameterTypes[i] = components[i].getType();
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(components[i].getAccessor()))
					.accepts(this.hints);
			}
			assertThat(RuntimeHintsPredicates.reflection()
				.onConstructorInvocation(type.getDeclaredConstructor(parameterTypes))).accepts(this.hints);
		});
	}

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		new ProtocolRuntimeHints().registerHints(hints, ProtocolRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

}
