package io.jenkins.plugins.bytebase.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The engine must stay usable by any CI: no Jenkins, no sandbox, no command line, no wire DTOs in stored models. */
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.bytebase.core");

    @Test
    void shouldNotDependOnJenkins() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.jenkins.plugins.bytebase.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "io.jenkins.cli..")
                .because("the engine is shared by the Jenkins plugin and other CI systems");
        rule.check(CORE);
    }

    @Test
    void shouldNotDependOnSandboxCliOrPlugin() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.jenkins.plugins.bytebase.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.jenkins.plugins.bytebase.sandbox..",
                        "io.jenkins.plugins.bytebase.cli..",
                        "io.jenkins.plugins.bytebase.config..",
                        "io.jenkins.plugins.bytebase.steps..",
                        "io.jenkins.plugins.bytebase.builders..",
                        "io.jenkins.plugins.bytebase.actions..")
                .because("dependencies point from the front ends to the engine, never back");
        rule.check(CORE);
    }

    @Test
    void shouldKeepStoredModelsFreeOfWireRecords() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(
                        "io.jenkins.plugins.bytebase.core.migration..", "io.jenkins.plugins.bytebase.core.report..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jenkins.plugins.bytebase.core.client.dto..")
                .because("results that front ends store must survive API changes");
        rule.check(CORE);
    }

    @Test
    void shouldUseOnlyTheJdkAndJackson() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.jenkins.plugins.bytebase.core..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "io.jenkins.plugins.bytebase.core..", "java..", "javax.net..", "com.fasterxml.jackson..")
                .because("the engine is embedded in Jenkins, where every extra library is a conflict risk");
        rule.check(CORE);
    }
}
