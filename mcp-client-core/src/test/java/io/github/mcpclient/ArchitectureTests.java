package io.github.mcpclient;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's layout: protocol, session, exceptions, the public API, transport and engine,
 * each depending only on those before it; the engine's machinery and the parser's helpers
 * hidden; every public exception in one package; nothing of Spring Boot.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		// Test classes are left out wherever a build profile puts them.
		.withImportOption((location) -> !location.contains("/test-classes/"))
		.importPackages("io.github.mcpclient");

	@Test
	void coreDoesNotUseSpringBoot() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..").check(classes);
	}

	@Test
	void layersDependOnlyOnTheLayersBeforeThem() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("protocol")
			.definedBy("io.github.mcpclient.protocol..")
			.layer("session")
			.definedBy("io.github.mcpclient.session..")
			.layer("exceptions")
			.definedBy("io.github.mcpclient.exception..")
			.layer("api")
			.definedBy("io.github.mcpclient")
			.layer("transport")
			.definedBy("io.github.mcpclient.transport..")
			.layer("engine")
			.definedBy("io.github.mcpclient.engine..")
			.whereLayer("engine")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("transport")
			.mayOnlyBeAccessedByLayers("engine")
			.whereLayer("api")
			.mayOnlyBeAccessedByLayers("transport", "engine")
			.whereLayer("exceptions")
			.mayOnlyBeAccessedByLayers("api", "transport", "engine")
			.whereLayer("session")
			.mayOnlyBeAccessedByLayers("exceptions", "api", "transport", "engine")
			.check(classes);
	}

	@Test
	void theEngineShowsOnlyItsFactory() {
		classes().that()
			.resideInAPackage("io.github.mcpclient.engine")
			.and()
			.areTopLevelClasses()
			.and()
			.arePublic()
			.should()
			.haveSimpleName("McpClientFactory")
			.check(classes);
	}

	@Test
	void theParserAndHeaderHelpersShowOnlyWhatTheTransportAndEngineUse() {
		classes().that()
			.resideInAnyPackage("io.github.mcpclient.transport.sse", "io.github.mcpclient.transport.headers")
			.and()
			.areTopLevelClasses()
			.and()
			.arePublic()
			.should()
			.haveSimpleNameNotStartingWith("SseLineSplitter")
			.andShould()
			.haveSimpleNameNotStartingWith("WhatwgUtf8")
			.andShould()
			.haveSimpleNameNotStartingWith("ToolHeaderScan")
			.check(classes);
	}

	@Test
	void everyPublicExceptionLivesInTheExceptionPackage() {
		classes().that()
			.areAssignableTo(Throwable.class)
			.and()
			.arePublic()
			.should()
			.resideInAPackage("io.github.mcpclient.exception")
			.check(classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching("io.github.mcpclient.(**)").should().beFreeOfCycles().check(classes);
	}

}
