package io.github.mcpclient.autoconfigure;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.mcpclient.engine.McpClientFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Boot glue's shape: Spring Boot's rules for auto-configurations and configuration
 * properties, and only the core's public API in use.
 */
class ArchitectureTests {

	// Not ImportOption.Predefined.DO_NOT_INCLUDE_TESTS: it knows target/test-classes
	// only,
	// and the spring-boot-4.1 profile builds into target/spring-boot-4.1
	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption((location) -> !location.contains("/test-classes/"))
		.importPackages("io.github.mcpclient.autoconfigure", "io.github.mcpclient.actuate");

	@Test
	void autoConfigurationsArePublicAndFinal() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(JavaModifier.FINAL)
			.check(classes);
	}

	@Test
	void everyAutoConfigurationIsListedForBootToFind() {
		Set<String> annotated = classes.stream()
			.filter((type) -> type.isAnnotatedWith(AutoConfiguration.class))
			.map(JavaClass::getName)
			.collect(Collectors.toSet());
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.filteredOn((name) -> name.startsWith("io.github.mcpclient."))
			.containsExactlyInAnyOrderElementsOf(annotated);
	}

	@Test
	void beanMethodsAreNotPublic() {
		methods().that().areAnnotatedWith(Bean.class).should().notBePublic().check(classes);
	}

	@Test
	void configurationPropertiesKeepTheOrderOfNamedCollections() {
		classes().that(areOrAreNestedIn(ConfigurationProperties.class))
			.should(createOnlyOrderedMapsAndSets())
			.check(classes);
	}

	@Test
	void bootGlueUsesOnlyTheCorePublicApi() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.mcpclient.transport..")
			.orShould()
			.dependOnClassesThat(DescribedPredicate.describe("are of the engine other than McpClientFactory",
					(type) -> type.getPackageName().startsWith("io.github.mcpclient.engine")
							&& !isOrIsNestedIn(type, McpClientFactory.class)))
			.check(classes);
	}

	private static boolean isOrIsNestedIn(JavaClass type, Class<?> outer) {
		return type.isEquivalentTo(outer)
				|| type.getEnclosingClass().map((enclosing) -> isOrIsNestedIn(enclosing, outer)).orElse(false);
	}

	private static DescribedPredicate<JavaClass> areOrAreNestedIn(Class<ConfigurationProperties> annotation) {
		return DescribedPredicate.describe("are or are nested in @" + annotation.getSimpleName() + " classes",
				(type) -> type.isAnnotatedWith(annotation) || type.getEnclosingClass()
					.map((enclosing) -> enclosing.isAnnotatedWith(annotation))
					.orElse(false));
	}

	/**
	 * Binding keeps the order of the configuration only in an ordered collection, and
	 * that order is what users see (connections, headers, roles).
	 */
	private static ArchCondition<JavaClass> createOnlyOrderedMapsAndSets() {
		return new ArchCondition<>("create maps and sets only as LinkedHashMap and LinkedHashSet") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				type.getAccessesFromSelf().forEach((access) -> {
					if (createsUnorderedCollection(access)) {
						events.add(SimpleConditionEvent.violated(access, access.getDescription()));
					}
				});
			}

			private boolean createsUnorderedCollection(JavaAccess<?> access) {
				JavaClass owner = access.getTargetOwner();
				boolean collection = owner.isAssignableTo(Map.class) || owner.isAssignableTo(Set.class);
				if (!collection) {
					return false;
				}
				boolean creates = access.getName().equals("<init>") || access.getName().equals("of")
						|| access.getName().equals("copyOf");
				return creates && !owner.isEquivalentTo(LinkedHashMap.class)
						&& !owner.isEquivalentTo(LinkedHashSet.class);
			}

		};
	}

}
