package io.jenkins.plugins.bytebase.core.review;

import io.jenkins.plugins.bytebase.core.Targets;
import io.jenkins.plugins.bytebase.core.client.BytebaseClient;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseResponse;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import io.jenkins.plugins.bytebase.core.migration.MigrationFile;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import java.util.List;
import java.util.Objects;

/**
 * Sends all files and targets in one {@code releases:check} request and turns the answer into a result. Stateless
 * and thread-safe.
 */
public final class ReviewService {

    private final BytebaseClient client;

    public ReviewService(BytebaseClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Reviews the request's files against its targets. A declarative set is sent as a {@code DECLARATIVE} release
     * with one entry per file, as {@code bytebase-action check} does.
     *
     * @throws IllegalArgumentException when the project, the targets or the files cannot be sent (before any request)
     * @throws io.jenkins.plugins.bytebase.core.client.BytebaseException when the server refuses the check
     */
    public ReviewResult review(ReviewRequest request) {
        Objects.requireNonNull(request, "request");
        Targets.validateProject(request.project());
        Targets.validate(request.project(), request.targets());
        MigrationSet migrations = request.migrations();
        if (migrations == null || migrations.files().isEmpty()) {
            throw new IllegalArgumentException("No migration files to review in " + request.project()
                    + (migrations == null ? "" : ": " + String.join("; ", migrations.warnings())));
        }
        CheckReleaseResponse response = client.checkRelease(
                request.project(),
                new CheckReleaseRequest(
                        release(migrations), request.targets(), blankToNull(request.customRules()), request.vcsUser()));
        return new CheckResponseMapper(migrations.files(), request.targets())
                .toResult(
                        request.project(),
                        request.targets(),
                        migrations.warnings(),
                        response,
                        client.webUrl(request.project()));
    }

    private static Release release(MigrationSet migrations) {
        List<ReleaseFile> files =
                migrations.files().stream().map(ReviewService::releaseFile).toList();
        return Release.draft(migrations.declarative() ? ReleaseType.DECLARATIVE : ReleaseType.VERSIONED, files, null);
    }

    private static ReleaseFile releaseFile(MigrationFile file) {
        return ReleaseFile.of(file.path(), file.version(), file.content());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
