package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.core.client.dto.VcsSource;
import io.jenkins.plugins.bytebase.core.client.dto.VcsType;
import io.jenkins.plugins.bytebase.core.client.dto.VcsUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseBodyTest {

    private static final List<String> TARGETS = List.of("instances/i/databases/d1", "instances/i/databases/d2");

    @Test
    void shouldGiveTheBytesAndLengthOfTheWholeCheckRequestWrittenAtOnce() throws IOException {
        Release release = new Release(
                null,
                ReleaseType.VERSIONED,
                files(3_000),
                new VcsSource(VcsType.GITHUB, "https://github.com/acme/hr/pull/7"),
                "ci \"nightly\"",
                null,
                null,
                null);
        CheckReleaseRequest request = new CheckReleaseRequest(
                release,
                TARGETS,
                "{\"rules\":[\"naming.table\"]}",
                new VcsUser(VcsType.GITHUB, "42", "jdoe", "Jane Doé"));
        byte[] expected = WireJson.writeBytes(
                new CheckReleaseRequest(Requests.draft(release), TARGETS, request.customRules(), request.vcsUser()));

        RequestBody body = Requests.checkRelease("projects/hr", request).body();

        assertThat(body).isInstanceOf(ReleaseBody.class);
        assertThat(expected.length).isGreaterThan(1_000_000);
        assertThat(body.length()).isEqualTo(expected.length);
        assertThat(readAll(body.open(), 64 * 1024)).isEqualTo(expected);
        assertThat(readAll(body.open(), 7)).as("read again, in small reads").isEqualTo(expected);
    }

    @Test
    void shouldGiveTheBytesOfTheWholeCreateRequestForOneFileAndForMany() throws IOException {
        for (int count : new int[] {1, 2, 500}) {
            Release release = Release.draft(ReleaseType.VERSIONED, files(count), null);
            byte[] expected = WireJson.writeBytes(Requests.draft(release));

            RequestBody body =
                    Requests.createRelease("projects/hr", release, null, null).body();

            assertThat(body.length()).as("%d files", count).isEqualTo(expected.length);
            assertThat(readAll(body.open(), 1000)).as("%d files", count).isEqualTo(expected);
        }
    }

    /** Files of every shape the JSON may write: escapes, non-ASCII, no statement, a large statement. */
    private static List<ReleaseFile> files(int count) {
        List<ReleaseFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String statement =
                    switch (i % 4) {
                        case 0 -> "CREATE TABLE t" + i + " (id INT, name TEXT); -- ß \"quoted\" \\ \n";
                        case 1 -> "";
                        case 2 -> "ALTER TABLE t ADD COLUMN c" + i + " INT;\n".repeat(1 + i % 50);
                        default -> "INSERT INTO t VALUES ('\u00e9\u4e2d\ud83d\ude00');\t\r\n";
                    };
            files.add(ReleaseFile.of(
                    "migrations/" + i + ".0.0_\"odd\\name\"_é.sql",
                    i + ".0.0",
                    statement.getBytes(StandardCharsets.UTF_8)));
        }
        if (count > 2) {
            files.set(1, ReleaseFile.of("migrations/big.sql", "1.5.0", new byte[600_000]));
        }
        return files;
    }

    private static byte[] readAll(InputStream in, int readSize) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[readSize];
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            all.write(buffer, 0, n);
        }
        return all.toByteArray();
    }
}
