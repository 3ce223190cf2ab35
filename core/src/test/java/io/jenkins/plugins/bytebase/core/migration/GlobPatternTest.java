package io.jenkins.plugins.bytebase.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GlobPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "migrations/*.sql,        migrations/1.0_a.sql,        true",
        "migrations/*.sql,        migrations/sub/1.0_a.sql,    false",
        "migrations/*.sql,        other/1.0_a.sql,             false",
        "migrations/*.sql,        migrations/1.0_a.sql.bak,    false",
        "migrations/**/*.sql,     migrations/a.sql,            true",
        "migrations/**/*.sql,     migrations/x/a.sql,          true",
        "migrations/**/*.sql,     migrations/x/y/z/a.sql,      true",
        "migrations/**/*.sql,     migrations.sql,              false",
        "migrations/**/*.sql,     other/migrations/a.sql,      false",
        "**/*.sql,                a.sql,                       true",
        "**/*.sql,                a/b/c.sql,                   true",
        "**,                      a/b/c.sql,                   true",
        "migrations/**,           migrations/a/b.sql,          true",
        "**/prod/*.sql,           db/prod/1.sql,               true",
        "**/prod/*.sql,           db/test/1.sql,               false",
        "a/**/b/**/c.sql,         a/b/c.sql,                   true",
        "a/**/b/**/c.sql,         a/x/b/y/z/c.sql,             true",
        "a/**/b/**/c.sql,         a/x/y/c.sql,                 false",
        "m/?.sql,                 m/1.sql,                     true",
        "m/?.sql,                 m/12.sql,                    false",
        "m/?.sql,                 m//.sql,                     false",
        "m/a**b.sql,              m/axxb.sql,                  true",
        "m/a**b.sql,              m/ax/xb.sql,                 false",
        "m/[0-9]*.sql,            m/1_a.sql,                   true",
        "m/[0-9]*.sql,            m/a_1.sql,                   false",
        "m/[!0-9]*.sql,           m/a_1.sql,                   true",
        "'m/*.{sql,SQL}',         m/a.SQL,                     true",
        "'m/*.{sql,SQL}',         m/a.txt,                     false",
        "./m/*.sql,               m/a.sql,                     true",
        "m/\\*.sql,               m/*.sql,                     true",
        "m/\\*.sql,               m/a.sql,                     false",
        "m/(a)+.sql,              m/(a)+.sql,                  true",
        "m/(a)+.sql,              m/aa.sql,                    false",
        "m/*.sql,                 m/.hidden.sql,               true",
    })
    void shouldMatchLikeDoublestar(String glob, String path, boolean expected) {
        assertThat(GlobPattern.compile(glob).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} may match below {1}: {2}")
    @CsvSource({
        "migrations/*.sql,      '',                 true",
        "migrations/*.sql,      migrations,         true",
        "migrations/*.sql,      migrations/sub,     false",
        "migrations/*.sql,      other,              false",
        "migrations/**/*.sql,   migrations/a/b/c,   true",
        "migrations/**/*.sql,   other/migrations,   false",
        "**/*.sql,              anything/at/all,    true",
        "db/*/prod/*.sql,       db/x,               true",
        "db/*/prod/*.sql,       db/x/test,          false",
        "db/*/prod/*.sql,       db/x/prod,          true",
        "db/*/prod/*.sql,       db/x/prod/deeper,   false",
    })
    void shouldTellWhetherADirectoryMayHoldAMatch(String glob, String directory, boolean expected) {
        assertThat(GlobPattern.compile(glob).mayMatchBelow(directory)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secrets/*.sql", "migrations/../../x.sql", "/etc/*.sql", " ", "m/[a.sql", "m/{a,b.sql"})
    void shouldRefuseGlobsThatLeaveTheRootOrDoNotParse(String glob) {
        assertThatThrownBy(() -> GlobPattern.compile(glob))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secrets/*.sql", "migrations/../../x.sql"})
    void shouldSayThatDotDotLeadsOutsideTheRoot(String glob) {
        assertThatThrownBy(() -> GlobPattern.compile(glob)).hasMessageContaining("'..', which leads outside the root");
    }
}
