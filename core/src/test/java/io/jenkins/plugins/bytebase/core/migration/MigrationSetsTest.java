package io.jenkins.plugins.bytebase.core.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationSetsTest {

    private static final String PATTERN = "migrations/**/*.sql";

    private static SourceFile file(String path, String sql) {
        return new SourceFile(path, sql.getBytes(UTF_8));
    }

    @Test
    void shouldOrderFilesNumericallyByVersionWithTypeAndContent() {
        MigrationSet set = MigrationSets.versioned(
                List.of(
                        file("migrations/1.13.0_later.sql", "CREATE TABLE c (id INT);"),
                        file("migrations/1.3.5_seed_dml.sql", "INSERT INTO a VALUES (1);"),
                        file("migrations/V1.3.0_first.sql", "CREATE TABLE a (id INT);")),
                PATTERN);

        assertThat(set.files())
                .extracting(MigrationFile::path, MigrationFile::version, MigrationFile::changeType)
                .containsExactly(
                        tuple("migrations/V1.3.0_first.sql", "1.3.0", ChangeType.DDL),
                        tuple("migrations/1.3.5_seed_dml.sql", "1.3.5", ChangeType.DML),
                        tuple("migrations/1.13.0_later.sql", "1.13.0", ChangeType.DDL));
        assertThat(set.files().get(1).statement()).isEqualTo("INSERT INTO a VALUES (1);");
        assertThat(set.declarative()).isFalse();
        assertThat(set.pattern()).isEqualTo(PATTERN);
        assertThat(set.warnings()).isEmpty();
    }

    @Test
    void shouldLeaveOutFilesWithoutVersionWithAWarning() {
        MigrationSet set = MigrationSets.versioned(
                List.of(file("migrations/1.0.0_init.sql", "SELECT 1;"), file("migrations/README.sql", "")), PATTERN);

        assertThat(set.files()).extracting(MigrationFile::path).containsExactly("migrations/1.0.0_init.sql");
        assertThat(set.warnings())
                .singleElement(STRING)
                .contains("migrations/README.sql")
                .contains("no version");
    }

    @Test
    void shouldRefuseASetWhereNoFileHasAVersion() {
        assertThatThrownBy(() -> MigrationSets.versioned(List.of(file("m/init.sql", "SELECT 1;")), "m/*.sql"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("m/init.sql")
                .hasMessageContaining("'m/*.sql'")
                .hasMessageContaining("rename");
    }

    @Test
    void shouldRefuseDuplicateVersionsNamingBothFiles() {
        List<SourceFile> files = List.of(
                file("migrations/1.0_create.sql", "CREATE TABLE a (id INT);"),
                file("migrations/2.0.0_more.sql", "CREATE TABLE b (id INT);"),
                file("migrations/sub/1.0.0_other.sql", "CREATE TABLE c (id INT);"));

        assertThatThrownBy(() -> MigrationSets.versioned(files, PATTERN))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("migrations/1.0_create.sql")
                .hasMessageContaining("migrations/sub/1.0.0_other.sql")
                .hasMessageContaining("same version")
                .hasMessageNotContaining("2.0.0_more");
    }

    @Test
    void shouldRefuseAnEmptyOrBlankFile() {
        assertThatThrownBy(() -> MigrationSets.versioned(List.of(file("m/1_a.sql", "")), PATTERN))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("m/1_a.sql is empty");
        assertThatThrownBy(() -> MigrationSets.versioned(List.of(file("m/1_a.sql", " \n\t\r\n")), PATTERN))
                .hasMessageContaining("m/1_a.sql is empty");
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8NamingItsLine() {
        byte[] latin1 = "SELECT 1;\nSELECT 'caf\u00e9';".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> MigrationSets.versioned(List.of(new SourceFile("m/1_latin1.sql", latin1)), PATTERN))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("m/1_latin1.sql is not valid UTF-8")
                .hasMessageContaining("line 2")
                .hasMessageContaining("save it as UTF-8");
    }

    @Test
    void shouldRefuseAnOverlongUtf8Encoding() {
        byte[] overlong = {'S', 'E', 'L', (byte) 0xC0, (byte) 0xAF};

        assertThatThrownBy(() -> MigrationSets.versioned(List.of(new SourceFile("m/1_bad.sql", overlong)), PATTERN))
                .hasMessageContaining("byte offset 3");
    }

    @Test
    void shouldRefusePathsFromElsewhereThatLeaveTheRoot() {
        assertThatThrownBy(() -> MigrationSets.versioned(List.of(file("../1_a.sql", "SELECT 1;")), PATTERN))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("'../1_a.sql' leads outside the root");
        assertThatThrownBy(() -> MigrationSets.versioned(List.of(file("/etc/1_a.sql", "SELECT 1;")), PATTERN))
                .hasMessageContaining("leads outside the root");
    }

    @Test
    void shouldRefuseAnEmptyList() {
        assertThatThrownBy(() -> MigrationSets.versioned(List.of(), PATTERN))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining(PATTERN);
    }

    @Test
    void shouldGiveEveryDeclarativeFileTheClockTimeInUtc() {
        Clock clock = Clock.fixed(Instant.parse("2025-04-29T15:04:05Z"), ZoneId.of("Asia/Tokyo"));

        MigrationSet set = MigrationSets.declarative(
                List.of(
                        file("schema/b.sql", "CREATE TABLE b (id INT);"),
                        file("schema/a.sql", "CREATE TABLE a (id INT);")),
                "schema/*.sql",
                clock);

        assertThat(set.declarative()).isTrue();
        assertThat(set.files()).extracting(MigrationFile::path).containsExactly("schema/a.sql", "schema/b.sql");
        assertThat(set.files()).extracting(MigrationFile::version).containsOnly("20250429.150405");
    }

    @Test
    void shouldConcatenateADeclarativeSetIntoOneFileNamedAfterThePattern() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneId.of("UTC"));
        MigrationSet set = MigrationSets.declarative(
                List.of(
                        file("schema/a.sql", "CREATE TABLE a (id INT);"),
                        file("schema/b.sql", "CREATE TABLE b (id INT);\n")),
                "schema/*.sql",
                clock);

        MigrationFile single = set.concatenated();

        assertThat(single.path()).isEqualTo("schema/*.sql");
        assertThat(single.version()).isEqualTo("20250102.030405");
        assertThat(single.statement()).isEqualTo("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n");
        assertThat(set.releaseFiles())
                .singleElement()
                .extracting(MigrationFile::path)
                .isEqualTo("schema/*.sql");
    }

    @Test
    void shouldReleaseVersionedFilesAsTheyAre() {
        MigrationSet set = MigrationSets.versioned(
                List.of(file("m/1_a.sql", "SELECT 1;"), file("m/2_b.sql", "SELECT 2;")), PATTERN);

        assertThat(set.releaseFiles()).extracting(MigrationFile::path).containsExactly("m/1_a.sql", "m/2_b.sql");
    }

    @Test
    void shouldApplyContentRulesInDeclarativeModeToo() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> MigrationSets.declarative(List.of(file("schema/a.sql", "  ")), "schema/*.sql", clock))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("schema/a.sql is empty");
    }
}
