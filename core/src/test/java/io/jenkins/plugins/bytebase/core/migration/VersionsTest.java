package io.jenkins.plugins.bytebase.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    @ParameterizedTest(name = "{0} has version {1}")
    @CsvSource({
        "migrations/1.0.0_init.sql,            1.0.0",
        "V20250415__create_users.sql,          20250415",
        "v2_add_index.sql,                     2",
        "202504291500_x_ddl.sql,               202504291500",
        "a/b/1.13.0.sql,                       1.13.0",
        "1.2.3.4_many_parts.sql,               1.2.3.4",
        "007_leading_zeros.sql,                007",
    })
    void shouldReadTheVersionFromTheFileName(String path, String version) {
        assertThat(Versions.fromFileName(path)).contains(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.sql", "init_1.0.sql", "vx1.sql", "migrations/1.0/schema.sql", "_1.sql"})
    void shouldFindNoVersionInNamesThatDoNotStartWithOne(String path) {
        assertThat(Versions.fromFileName(path)).isEmpty();
    }

    @Test
    void shouldOrderVersionsNumerically() {
        List<String> versions = new ArrayList<>(List.of("1.13.0", "1.3.5", "10", "2", "1.3.10", "1.3.9"));

        versions.sort(Versions.NUMERIC_ORDER);

        assertThat(versions).containsExactly("1.3.5", "1.3.9", "1.3.10", "1.13.0", "2", "10");
    }

    @Test
    void shouldTreatNumericallyEqualVersionsAsEqual() {
        assertThat(Versions.compare("1.0", "1.0.0")).isZero();
        assertThat(Versions.compare("01.2", "1.2")).isZero();
        assertThat(Versions.compare("99999999999999999999.1", "99999999999999999999.2"))
                .isNegative();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "1.1.0_seed_t1_dml.sql,   DML",
        "1.1.0_seed_t1_DML.sql,   DML",
        "2_backfilldml.sql,       DML",
        "1.0.0_create_t1.sql,     DDL",
        "1.0.0_create_t1_ddl.sql, DDL",
        "1.0.0_dml_then_ddl.sql,  DDL",
        "dml/1.0.0_create.sql,    DDL",
    })
    void shouldTellTheChangeTypeFromTheNameBeforeItsExtension(String path, ChangeType type) {
        assertThat(Versions.changeType(path)).isEqualTo(type);
    }
}
