package io.github.mcpclient;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules: protocol, session, transport, client, Boot glue, each depending only
 * on those before it, the Actuator support on the client API and session only, and
 * the core free of Spring Boot.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.mcpclient");

	@Test
	void corePackagesDoNotUseSpringBoot() {
		noClasses().that()
			.resideInAnyPackage("io.github.mcpclient.protocol..", "io.github.mcpclient.session..",
					"io.github.mcpclient.transport..")
			.or()
			.resideInAPackage("io.github.mcpclient")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(classes);
	}

	@Test
	void protocolDependsOnNothingOfOurs() {
		noClasses().that()
			.resideInAPackage("io.github.mcpclient.protocol..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.mcpclient", "io.github.mcpclient.session..",
					"io.github.mcpclient.transport..", "io.github.mcpclient.autoconfigure..",
					"io.github.mcpclient.actuate..")
			.check(classes);
	}

	@Test
	void sessionDependsOnlyOnProtocol() {
		noClasses().that()
			.resideInAPackage("io.github.mcpclient.session..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.mcpclient", "io.github.mcpclient.transport..",
					"io.github.mcpclient.autoconfigure..", "io.github.mcpclient.actuate..")
			.check(classes);
	}

	@Test
	void transportDoesNotKnowTheClientOrBootGlue() {
		noClasses().that()
			.resideInAPackage("io.github.mcpclient.transport..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.mcpclient", "io.github.mcpclient.autoconfigure..",
					"io.github.mcpclient.actuate..")
			.check(classes);
	}

	@Test
	void clientDoesNotKnowBootGlue() {
		noClasses().that()
			.resideInAPackage("io.github.mcpclient")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.mcpclient.autoconfigure..", "io.github.mcpclient.actuate..")
			.check(classes);
	}

	@Test
	void actuateKnowsNeitherTransportNorAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("io.github.mcpclient.actuate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.mcpclient.transport..", "io.github.mcpclient.autoconfigure..")
			.check(classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching("io.github.(**)").should().beFreeOfCycles().check(classes);
	}

}
