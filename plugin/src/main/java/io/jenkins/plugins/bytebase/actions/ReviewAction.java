package io.jenkins.plugins.bytebase.actions;

import hudson.model.Run;
import io.jenkins.plugins.bytebase.core.migration.MigrationFile;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Severity;
import io.jenkins.plugins.bytebase.core.review.Verdict;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * The SQL review of one {@code bytebaseReview} call, on the build page. Stored in {@code build.xml} as our own plain
 * classes (no API objects, no records), so a change of the API never breaks old builds; the reviewed SQL is kept in a
 * folder of the build named after {@link #getUrlName()} (see {@link ReviewSources}).
 */
public class ReviewAction implements RunAction2 {

    public static final String URL_NAME = "bytebase-review";

    private static final Logger LOGGER = Logger.getLogger(ReviewAction.class.getName());

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
    /** {@code null} in builds from before the SQL was kept. */
    private List<StoredSource> sources;

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

    /**
     * A new action for a run: the first review is {@code bytebase-review}, the next {@code bytebase-review-2}... The
     * reviewed files' SQL is kept with the build; when that fails the review still stands and its page says the SQL
     * was not kept.
     */
    public static ReviewAction create(Run<?, ?> run, ReviewResult result, Verdict verdict, List<MigrationFile> reviewed) {
        int existing = run.getActions(ReviewAction.class).size();
        String id = existing == 0 ? "" : "-" + (existing + 1);
        ReviewAction action = new ReviewAction(id, result, verdict);
        try {
            action.sources = ReviewSources.store(sourceFolder(run, action.getUrlName()), reviewed);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot keep the reviewed SQL with " + run, e);
        }
        return action;
    }

    private static File sourceFolder(Run<?, ?> run, String urlName) {
        return new File(run.getRootDir(), urlName);
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

    /**
     * Every finding of every file (SUCCESS advices left out), in the order of the files; the same advice at the same
     * line on several targets is one finding naming them all.
     */
    public List<LineFinding> getFindings() {
        Map<List<Object>, LineFinding> findings = new LinkedHashMap<>();
        Map<String, String> anchors = fileAnchors();
        for (ReviewedFile file : getFiles()) {
            for (ReviewedFinding finding : file.getFindings()) {
                if (!"SUCCESS".equals(finding.getSeverity())) {
                    List<Object> sameAdvice = Arrays.asList(
                            file.getFile(),
                            finding.getLine(),
                            finding.getSeverity(),
                            finding.getCode(),
                            finding.getTitle(),
                            finding.getMessage());
                    findings.computeIfAbsent(
                                    sameAdvice,
                                    key -> new LineFinding(
                                            file.getFile(),
                                            finding,
                                            anchors.get(file.getFile()) + "-L" + finding.getLine()))
                            .addTarget(file.getTarget());
                }
            }
        }
        return new ArrayList<>(findings.values());
    }

    /** The reviewed files with their SQL and findings, one per path, in the order they were reviewed. */
    public List<SourceView> getSourceFiles() {
        Map<String, String> anchors = fileAnchors();
        Map<String, List<LineFinding>> findingsByFile = new LinkedHashMap<>();
        anchors.keySet().forEach(path -> findingsByFile.put(path, new ArrayList<>()));
        for (LineFinding finding : getFindings()) {
            findingsByFile.get(finding.getFile()).add(finding);
        }
        Map<String, StoredSource> stored = new LinkedHashMap<>();
        if (sources != null) {
            sources.forEach(source -> stored.put(source.getPath(), source));
        }
        List<SourceView> views = new ArrayList<>();
        for (Map.Entry<String, String> entry : anchors.entrySet()) {
            String path = entry.getKey();
            StoredSource source = stored.get(path);
            String sql = source == null || run == null ? null : ReviewSources.read(sourceFolder(run, getUrlName()), source);
            SourceView.State state = sql != null
                    ? SourceView.State.SHOWN
                    : source != null && source.getStoredAs() == null
                            ? SourceView.State.TOO_LARGE
                            : SourceView.State.NOT_KEPT;
            long bytes = source == null ? 0 : source.getBytes();
            views.add(new SourceView(path, entry.getValue(), state, bytes, sql, findingsByFile.get(path)));
        }
        return views;
    }

    /** The results of one file, one per database: change type, risk and affected rows beside the findings. */
    public List<ReviewedFile> filesOf(String path) {
        return getFiles().stream().filter(file -> file.getFile().equals(path)).toList();
    }

    /**
     * The address of a finding's line on this page, relative to the Jenkins root URL (as console notes take it), or
     * {@code null} before the action is attached to its build.
     */
    public String findingUrl(String path, int line) {
        String anchor = fileAnchors().get(path);
        if (run == null || anchor == null) {
            return null;
        }
        return run.getUrl() + getUrlName() + "/#" + anchor + "-L" + Math.max(1, line);
    }

    /** {@code file-1}, {@code file-2}... by path: kept files first, in their order, then any other reviewed path. */
    private Map<String, String> fileAnchors() {
        Set<String> paths = new LinkedHashSet<>();
        if (sources != null) {
            sources.forEach(source -> paths.add(source.getPath()));
        }
        getFiles().forEach(file -> paths.add(file.getFile()));
        Map<String, String> anchors = new LinkedHashMap<>();
        for (String path : paths) {
            anchors.put(path, "file-" + (anchors.size() + 1));
        }
        return anchors;
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
