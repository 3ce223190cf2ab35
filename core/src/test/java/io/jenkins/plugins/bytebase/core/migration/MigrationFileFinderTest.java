package io.jenkins.plugins.bytebase.core.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFileFinderTest {

    @TempDir
    Path root;

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, UTF_8);
    }

    @Test
    void shouldFindFilesByDoublestarGlobSortedByRelativePath() throws IOException {
        write("migrations/2.0_b.sql", "SELECT 2;");
        write("migrations/1.0_a.sql", "SELECT 1;");
        write("migrations/sub/deeper/1.5_c.sql", "SELECT 3;");
        write("migrations/notes.txt", "not sql");
        write("other/9.0_z.sql", "SELECT 9;");

        List<SourceFile> files = MigrationFileFinder.find(root, "migrations/**/*.sql", 1024);

        assertThat(files)
                .extracting(SourceFile::path)
                .containsExactly("migrations/1.0_a.sql", "migrations/2.0_b.sql", "migrations/sub/deeper/1.5_c.sql");
        assertThat(new String(files.get(0).content(), UTF_8)).isEqualTo("SELECT 1;");
    }

    @Test
    void shouldKeepStarWithinOneDirectory() throws IOException {
        write("migrations/1.0_a.sql", "SELECT 1;");
        write("migrations/sub/1.5_c.sql", "SELECT 3;");

        assertThat(MigrationFileFinder.find(root, "migrations/*.sql"))
                .extracting(SourceFile::path)
                .containsExactly("migrations/1.0_a.sql");
    }

    @Test
    void shouldFeedTheFoundFilesIntoAVersionedSet() throws IOException {
        write("migrations/1.13.0_later.sql", "SELECT 2;");
        write("migrations/1.3.5_seed_dml.sql", "SELECT 1;");

        MigrationSet set =
                MigrationSets.versioned(MigrationFileFinder.find(root, "migrations/*.sql"), "migrations/*.sql");

        assertThat(set.files()).extracting(MigrationFile::version).containsExactly("1.3.5", "1.13.0");
        assertThat(set.files().get(0).changeType()).isEqualTo(ChangeType.DML);
    }

    @Test
    void shouldNameRootAndPatternWhenNothingMatches() throws IOException {
        write("migrations/1.0_a.SQL.txt", "SELECT 1;");

        assertThatThrownBy(() -> MigrationFileFinder.find(root, "migrations/*.sql", 1024))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("'migrations/*.sql'")
                .hasMessageContaining(root.toString())
                .hasMessageContaining("check that the pattern is relative");
    }

    @Test
    void shouldRefuseAMissingRootOrAFileAsRoot() throws IOException {
        Path file = write("file.sql", "SELECT 1;");

        assertThatThrownBy(() -> MigrationFileFinder.find(root.resolve("nope"), "*.sql", 1024))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("nope does not exist");
        assertThatThrownBy(() -> MigrationFileFinder.find(file, "*.sql", 1024))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimit() throws IOException {
        write("m/1_small.sql", "SELECT 1;");
        write("m/2_big.sql", "SELECT 1;".repeat(20));

        assertThatThrownBy(() -> MigrationFileFinder.find(root, "m/*.sql", 100))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("m/2_big.sql is larger than the limit of 100 bytes (180 bytes)")
                .hasMessageContaining("raise the size limit");
    }

    @Test
    void shouldAcceptAFileExactlyAtTheSizeLimit() throws IOException {
        write("m/1_exact.sql", "x".repeat(100));

        assertThat(MigrationFileFinder.find(root, "m/*.sql", 100))
                .singleElement()
                .satisfies(file -> assertThat(file.content()).hasSize(100));
    }

    @Test
    void shouldRefuseASymlinkedFile(@TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.sql"), "SELECT 'secret';");
        write("m/1_a.sql", "SELECT 1;");
        Files.createSymbolicLink(root.resolve("m/2_link.sql"), secret);

        assertThatThrownBy(() -> MigrationFileFinder.find(root, "m/*.sql", 1024))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("m/2_link.sql is a symlink");
    }

    @Test
    void shouldRefuseASymlinkedDirectoryThePatternReachesInto(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("1_secret.sql"), "SELECT 'secret';");
        write("m/1_a.sql", "SELECT 1;");
        Files.createSymbolicLink(root.resolve("m/linked"), outside);

        assertThatThrownBy(() -> MigrationFileFinder.find(root, "m/**/*.sql", 1024))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("m/linked is a symlink")
                .hasMessageContaining("outside the root");
    }

    @Test
    void shouldIgnoreSymlinksThePatternCannotReach(@TempDir Path outside) throws IOException {
        write("m/1_a.sql", "SELECT 1;");
        Files.createSymbolicLink(root.resolve("elsewhere"), outside);
        Files.createSymbolicLink(root.resolve("m/readme.txt"), outside);

        assertThat(MigrationFileFinder.find(root, "m/*.sql", 1024))
                .extracting(SourceFile::path)
                .containsExactly("m/1_a.sql");
    }

    @Test
    void shouldRefuseAPatternThatClimbsOutOfTheRoot(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("1_secret.sql"), "SELECT 'secret';");
        Path workspace = Files.createDirectories(root.resolve("ws"));
        String escape = "../" + outside.getFileName() + "/*.sql";

        assertThatThrownBy(() -> MigrationFileFinder.find(workspace, escape, 1024))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining(escape)
                .hasMessageContaining("leads outside the root");
        assertThatThrownBy(() -> MigrationFileFinder.find(workspace, "../ws/../../*.sql", 1024))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("leads outside the root");
    }

    @Test
    void shouldAcceptAnAbsolutePatternInsideTheRootAndRefuseOneOutside(@TempDir Path outside) throws IOException {
        write("m/1_a.sql", "SELECT 1;");

        assertThat(MigrationFileFinder.find(root, root.resolve("m").toString() + "/*.sql", 1024))
                .extracting(SourceFile::path)
                .containsExactly("m/1_a.sql");
        assertThatThrownBy(() -> MigrationFileFinder.find(root, outside + "/*.sql", 1024))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("leads outside the root");
    }

    @Test
    void shouldPassTheBytesThroughUnchangedForTheRulesApplyElsewhere() throws IOException {
        Path file = root.resolve("m/1_latin1.sql");
        Files.createDirectories(file.getParent());
        byte[] latin1 = {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\''};
        Files.write(file, latin1);

        List<SourceFile> files = MigrationFileFinder.find(root, "m/*.sql", 1024);

        assertThat(files.get(0).content()).isEqualTo(latin1);
        assertThatThrownBy(() -> MigrationSets.versioned(files, "m/*.sql"))
                .hasMessageContaining("m/1_latin1.sql is not valid UTF-8");
    }

    @Test
    void shouldRefuseAnEmptyFileFoundOnDisk() throws IOException {
        write("m/1_empty.sql", "");

        assertThatThrownBy(() -> MigrationSets.versioned(MigrationFileFinder.find(root, "m/*.sql"), "m/*.sql"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("m/1_empty.sql is empty");
    }
}
