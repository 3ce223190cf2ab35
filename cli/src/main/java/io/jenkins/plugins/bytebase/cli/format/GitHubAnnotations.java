package io.jenkins.plugins.bytebase.cli.format;

import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import java.util.List;

/**
 * GitHub Actions workflow commands: {@code ::warning file=…,line=…,col=…,title=…::message}. GitHub shows at most ten
 * annotations of each level per step and drops the rest silently; past ten, the first nine are printed and the tenth
 * says how many more there are and where to read them.
 */
public final class GitHubAnnotations {

    /** GitHub's limit of annotations of one level per step. */
    public static final int MAX_PER_LEVEL = 10;

    private GitHubAnnotations() {}

    public static String format(ReviewResult result) {
        List<LocatedFinding> findings = LocatedFinding.of(result);
        long errors = findings.stream().filter(LocatedFinding::isError).count();
        long warnings = findings.size() - errors;
        long errorLimit = errors > MAX_PER_LEVEL ? MAX_PER_LEVEL - 1 : MAX_PER_LEVEL;
        long warningLimit = warnings > MAX_PER_LEVEL ? MAX_PER_LEVEL - 1 : MAX_PER_LEVEL;
        int errorsShown = 0;
        int warningsShown = 0;
        StringBuilder text = new StringBuilder();
        for (LocatedFinding located : findings) {
            if (located.isError() ? errorsShown++ < errorLimit : warningsShown++ < warningLimit) {
                text.append(annotation(located));
            }
        }
        appendRest(text, "error", errors, errorLimit);
        appendRest(text, "warning", warnings, warningLimit);
        return text.toString();
    }

    private static String annotation(LocatedFinding located) {
        Finding finding = located.finding();
        StringBuilder text = new StringBuilder("::")
                .append(located.level())
                .append(" file=")
                .append(escapeProperty(located.file()))
                .append(",line=")
                .append(located.line());
        if (located.column() > 0) {
            text.append(",col=").append(located.column());
        }
        return text.append(",title=")
                .append(escapeProperty(finding.title() + " (" + finding.code() + ")"))
                .append("::")
                .append(escapeData(finding.message() + " (" + located.target() + ") " + finding.docUrl()))
                .append('\n')
                .toString();
    }

    private static void appendRest(StringBuilder text, String level, long total, long shown) {
        if (total > shown) {
            long rest = total - shown;
            text.append("::")
                    .append(level)
                    .append(" title=")
                    .append(escapeProperty("Bytebase SQL review"))
                    .append("::")
                    .append(escapeData(rest + " more " + level + (rest == 1 ? "" : "s")
                            + " not annotated (GitHub shows 10 per step); see the job summary"))
                    .append('\n');
        }
    }

    static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String value) {
        return escapeData(value).replace(":", "%3A").replace(",", "%2C");
    }
}
