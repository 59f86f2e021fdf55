package io.github.mcpclient.springai;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The bridge uses the client's public API only and knows nothing of protocol eras; the
 * bridge itself needs no Spring Boot, its auto-configuration follows Boot's rules.
 */
class ArchitectureTests {

	// Not ImportOption.Predefined.DO_NOT_INCLUDE_TESTS: the spring-boot-4.1 profile
	// compiles the tests to target/spring-boot-4.1/test-classes, which it does not know
	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption((location) -> !location.contains("/test-classes/"))
		.importPackages("io.github.mcpclient.springai");

	@Test
	void theBridgeDoesNotKnowWhichEraAServerSpeaks() {
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("io.github.mcpclient.protocol.Era")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("io.github.mcpclient.protocol.ProtocolVersion")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.mcpclient.session..", "io.github.mcpclient.transport..")
			.check(classes);
	}

	@Test
	void theBridgeUsesTheClientsApiNotItsEngine() {
		noClasses().should().dependOnClassesThat().resideInAPackage("io.github.mcpclient.engine..").check(classes);
	}

	@Test
	void theBridgeItselfNeedsNoSpringBoot() {
		noClasses().that()
			.resideInAPackage("io.github.mcpclient.springai")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(classes);
	}

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

}
