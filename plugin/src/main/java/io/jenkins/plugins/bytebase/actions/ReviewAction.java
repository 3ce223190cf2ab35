package io.jenkins.plugins.bytebase.actions;

import hudson.model.Run;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Severity;
import io.jenkins.plugins.bytebase.core.review.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * The SQL review of one {@code bytebaseReview} call, on the build page. Stored in {@code build.xml} as our own plain
 * classes (no API objects, no records), so a change of the API never breaks old builds.
 */
public class ReviewAction implements RunAction2 {

    public static final String URL_NAME = "bytebase-review";

    private final String id;
    private final String project;
    private final List<String> targets;
    private final String risk;
    private final int errors;
    private final int warnings;
    private final int otherFindings;
    private final long affectedRows;
    private final String reportUrl;
    private final String verdict;
    private final String verdictReason;
    private final List<String> skippedFiles;
    private final List<ReviewedFile> files;

    private transient Run<?, ?> run;

    ReviewAction(String id, ReviewResult result, Verdict verdict) {
        this.id = id;
        this.project = result.project();
        this.targets = new ArrayList<>(result.targets());
        this.risk = String.valueOf(result.risk());
        this.errors = result.errors();
        this.warnings = result.warnings();
        this.otherFindings = (int) result.reviews().stream()
                .flatMap(review -> review.findings().stream())
                .filter(finding -> finding.severity() != Severity.ERROR && finding.severity() != Severity.WARNING)
                .count();
        this.affectedRows = result.affectedRows();
        this.reportUrl = result.reportUrl() == null ? "" : result.reportUrl();
        this.verdict = verdict.outcome().name();
        this.verdictReason = verdict.reason();
        this.skippedFiles = new ArrayList<>(result.skippedFiles());
        this.files = new ArrayList<>();
        for (FileReview review : result.reviews()) {
            List<ReviewedFinding> findings = new ArrayList<>();
            for (Finding finding : review.findings()) {
                findings.add(new ReviewedFinding(
                        String.valueOf(finding.severity()),
                        finding.code(),
                        finding.title(),
                        finding.message(),
                        Math.max(1, finding.line()),
                        finding.column(),
                        finding.docUrl()));
            }
            files.add(new ReviewedFile(
                    review.file(),
                    review.target(),
                    String.valueOf(review.changeType()),
                    String.valueOf(review.risk()),
                    review.affectedRows(),
                    findings));
        }
    }

    /** A new action for a run: the first review is {@code bytebase-review}, the next {@code bytebase-review-2}... */
    public static ReviewAction create(Run<?, ?> run, ReviewResult result, Verdict verdict) {
        int existing = run.getActions(ReviewAction.class).size();
        String id = existing == 0 ? "" : "-" + (existing + 1);
        return new ReviewAction(id, result, verdict);
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return id == null || id.isEmpty()
                ? Messages.ReviewAction_DisplayName()
                : Messages.ReviewAction_DisplayNameNumbered(id.substring(1));
    }

    @Override
    public String getUrlName() {
        return URL_NAME + (id == null ? "" : id);
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        this.run = run;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getProject() {
        return project;
    }

    public List<String> getTargets() {
        return targets == null ? Collections.emptyList() : targets;
    }

    public String getRisk() {
        return risk;
    }

    public int getErrors() {
        return errors;
    }

    public int getWarnings() {
        return warnings;
    }

    public int getOtherFindings() {
        return otherFindings;
    }

    public long getAffectedRows() {
        return affectedRows;
    }

    public String getReportUrl() {
        return reportUrl;
    }

    public boolean isReportUrlPresent() {
        return reportUrl != null && !reportUrl.isEmpty();
    }

    public String getVerdict() {
        return verdict;
    }

    public String getVerdictReason() {
        return verdictReason;
    }

    public List<String> getSkippedFiles() {
        return skippedFiles == null ? Collections.emptyList() : skippedFiles;
    }

    public List<ReviewedFile> getFiles() {
        return files == null ? Collections.emptyList() : files;
    }

    /** One file against one database. */
    public static final class ReviewedFile {
        private final String file;
        private final String target;
        private final String changeType;
        private final String risk;
        private final long affectedRows;
        private final List<ReviewedFinding> findings;

        ReviewedFile(
                String file,
                String target,
                String changeType,
                String risk,
                long affectedRows,
                List<ReviewedFinding> findings) {
            this.file = file;
            this.target = target;
            this.changeType = changeType;
            this.risk = risk;
            this.affectedRows = affectedRows;
            this.findings = findings;
        }

        public String getFile() {
            return file;
        }

        public String getTarget() {
            return target;
        }

        public String getChangeType() {
            return changeType;
        }

        public String getRisk() {
            return risk;
        }

        public long getAffectedRows() {
            return affectedRows;
        }

        public List<ReviewedFinding> getFindings() {
            return findings == null ? Collections.emptyList() : findings;
        }
    }

    /** One advice. */
    public static final class ReviewedFinding {
        private final String severity;
        private final int code;
        private final String title;
        private final String message;
        private final int line;
        private final int column;
        private final String docUrl;

        ReviewedFinding(String severity, int code, String title, String message, int line, int column, String docUrl) {
            this.severity = severity;
            this.code = code;
            this.title = title;
            this.message = message;
            this.line = line;
            this.column = column;
            this.docUrl = docUrl;
        }

        public String getSeverity() {
            return severity;
        }

        public int getCode() {
            return code;
        }

        public String getTitle() {
            return title;
        }

        public String getMessage() {
            return message;
        }

        public int getLine() {
            return line;
        }

        public int getColumn() {
            return column;
        }

        public String getDocUrl() {
            return docUrl;
        }
    }
}
