package io.jenkins.plugins.bytebase.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final String PROJECT = "projects/hr";

    @Test
    void shouldAcceptDatabasesOrOneGroup() {
        assertThatCode(() -> Targets.validate(PROJECT, List.of("instances/a/databases/x", "instances/b/databases/y")))
                .doesNotThrowAnyException();
        assertThatCode(() -> Targets.validate(PROJECT, List.of("projects/hr/databaseGroups/all")))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseNoTargets() {
        assertThatThrownBy(() -> Targets.validate(PROJECT, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No targets");
    }

    @Test
    void shouldRefuseDatabasesMixedWithAGroup() {
        assertThatThrownBy(() ->
                        Targets.validate(PROJECT, List.of("instances/a/databases/x", "projects/hr/databaseGroups/all")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one database group");
    }

    @Test
    void shouldRefuseTwoGroups() {
        assertThatThrownBy(() -> Targets.validate(
                        PROJECT, List.of("projects/hr/databaseGroups/a", "projects/hr/databaseGroups/b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one database group");
    }

    @Test
    void shouldNameAMalformedTarget() {
        assertThatThrownBy(() -> Targets.validate(PROJECT, List.of("instances/a/databases/x", "hr_prod")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'hr_prod'")
                .hasMessageContaining("instances/{instance}/databases/{database}");
    }

    @Test
    void shouldRefuseAGroupOfAnotherProject() {
        assertThatThrownBy(() -> Targets.validate(PROJECT, List.of("projects/sales/databaseGroups/all")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to projects/sales, not to projects/hr");
    }

    @Test
    void shouldCheckProjectPlanAndStageNames() {
        assertThatThrownBy(() -> Targets.validateProject("hr")).hasMessageContaining("projects/{project-id}");
        assertThatThrownBy(() -> Targets.validatePlan(PROJECT, "projects/sales/plans/1"))
                .hasMessageContaining("belongs to projects/sales");
        assertThatThrownBy(() -> Targets.validatePlan(PROJECT, "123")).hasMessageContaining("plans/{id}");
        assertThatThrownBy(() -> Targets.validateStage("prod")).hasMessageContaining("environments/{id}");
        assertThatCode(() -> {
                    Targets.validatePlan(PROJECT, "projects/hr/plans/123");
                    Targets.validateStage("environments/prod");
                })
                .doesNotThrowAnyException();
    }
}
