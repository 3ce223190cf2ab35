package io.jenkins.plugins.bytebase.core.review;

import io.jenkins.plugins.bytebase.core.client.dto.Advice;
import io.jenkins.plugins.bytebase.core.client.dto.AdviceLevel;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseResponse;
import io.jenkins.plugins.bytebase.core.client.dto.CheckResult;
import io.jenkins.plugins.bytebase.core.client.dto.Position;
import io.jenkins.plugins.bytebase.core.client.dto.RiskLevel;
import io.jenkins.plugins.bytebase.core.client.dto.RuleType;
import io.jenkins.plugins.bytebase.core.migration.ChangeType;
import io.jenkins.plugins.bytebase.core.migration.MigrationFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the wire answer of {@code releases:check} into our stored model, so results never depend on the API. */
final class CheckResponseMapper {

    private final Map<String, MigrationFile> files = new HashMap<>();
    private final Map<String, String> targets = new HashMap<>();

    /**
     * @param files the files sent; results name them by path
     * @param targets the targets sent; results name them too
     */
    CheckResponseMapper(List<MigrationFile> files, List<String> targets) {
        files.forEach(file -> this.files.put(file.path(), file));
        targets.forEach(target -> this.targets.put(target, target));
    }

    ReviewResult toResult(
            String project,
            List<String> targets,
            List<String> skippedFiles,
            CheckReleaseResponse response,
            String reportUrl) {
        List<FileReview> reviews =
                response.results().stream().map(this::fileReview).toList();
        return new ReviewResult(
                project,
                targets,
                reviews,
                skippedFiles,
                response.affectedRows(),
                risk(response.riskLevel()),
                reportUrl);
    }

    private FileReview fileReview(CheckResult result) {
        List<Finding> findings =
                result.advices().stream().map(CheckResponseMapper::finding).toList();
        MigrationFile file = files.get(result.file());
        // The result holds the path and target Strings the request already holds, not the answer's copies of them.
        return new FileReview(
                file == null ? result.file() : file.path(),
                targets.getOrDefault(result.target(), result.target()),
                file == null ? ChangeType.DDL : file.changeType(),
                findings,
                result.affectedRows(),
                risk(result.riskLevel()));
    }

    static Finding finding(Advice advice) {
        Position start = advice.startPosition();
        Position end = advice.endPosition();
        return new Finding(
                severity(advice.status()),
                advice.code(),
                advice.title(),
                advice.content(),
                // bytebase-action reports a line below 1 (unknown) as line 1, so annotations land in the file.
                Math.max(1, start == null ? 0 : start.line()),
                Math.max(0, start == null ? 0 : start.column()),
                Math.max(0, end == null ? 0 : end.line()),
                Math.max(0, end == null ? 0 : end.column()),
                advice.ruleType() == RuleType.AI_POWERED);
    }

    static Severity severity(AdviceLevel level) {
        return switch (level == null ? AdviceLevel.UNKNOWN : level) {
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case SUCCESS -> Severity.SUCCESS;
            default -> Severity.UNKNOWN;
        };
    }

    static Risk risk(RiskLevel level) {
        return switch (level == null ? RiskLevel.RISK_LEVEL_UNSPECIFIED : level) {
            case RISK_LEVEL_UNSPECIFIED -> Risk.NONE;
            case LOW -> Risk.LOW;
            case MODERATE -> Risk.MODERATE;
            case HIGH -> Risk.HIGH;
            default -> Risk.UNKNOWN;
        };
    }
}
