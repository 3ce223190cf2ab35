package io.jenkins.plugins.bytebase;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages depend one way: the front ends ({@code builders}, {@code steps}) on {@code service}, which
 * runs the engine and fills {@code actions}; {@code config} and {@code actions} depend on none of them.
 */
class PluginArchitectureTest {

    private static final String ROOT = "io.jenkins.plugins.bytebase";

    /** The plugin's own classes: not its tests, not the engine's jar. */
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(
                    ROOT + ".actions", ROOT + ".builders", ROOT + ".config", ROOT + ".service", ROOT + ".steps");

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(PLUGIN);
    }

    @Test
    void shouldKeepTheServiceFreeOfTheFrontEnds() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".service..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".steps..", ROOT + ".builders..")
                .because("the runners take plain options, so that both front ends share them")
                .check(PLUGIN);
    }

    @Test
    void shouldKeepConfigurationAndBuildPagesFreeOfTheFlows() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".config..", ROOT + ".actions..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".service..", ROOT + ".steps..", ROOT + ".builders..")
                .check(PLUGIN);
    }

    @Test
    void shouldImportThePluginsClasses() {
        // Guards the rules above against passing on an empty import (a class path laid out differently).
        assertThat(PLUGIN.containPackage(ROOT + ".service")).isTrue();
        assertThat(PLUGIN.containPackage(ROOT + ".steps")).isTrue();
    }
}
