package io.jenkins.plugins.bytebase.core.report;

import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Risk;
import io.jenkins.plugins.bytebase.core.review.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Markdown summary of a review, fit for a pull-request comment or a CI step summary: totals, then one table per
 * file and target with findings, then the files left out. Text from the server is escaped so that it cannot break
 * the tables or inject markup.
 */
public final class MarkdownSummary {

    private MarkdownSummary() {}

    public static String render(ReviewResult result) {
        StringBuilder md = new StringBuilder("## SQL Review Summary\n\n");
        List<String> targets = result.checkedTargets().isEmpty() ? result.targets() : result.checkedTargets();
        md.append("| Errors | Warnings | Files | Targets | Risk | Affected rows |\n");
        md.append("| ---: | ---: | ---: | ---: | --- | ---: |\n");
        md.append("| ")
                .append(result.errors())
                .append(" | ")
                .append(result.warnings())
                .append(" | ")
                .append(result.files().size())
                .append(" | ")
                .append(targets.size())
                .append(" | ")
                .append(label(result.highestRisk()))
                .append(" | ")
                .append(result.affectedRows())
                .append(" |\n\n");

        List<FileReview> clean = new ArrayList<>();
        for (FileReview review : result.reviews()) {
            if (review.issues().isEmpty()) {
                clean.add(review);
            } else {
                appendTable(md, review);
            }
        }
        if (result.issueCount() == 0) {
            md.append("**No findings**: ")
                    .append(plural(result.files().size(), "file"))
                    .append(" passed the SQL review against ")
                    .append(plural(targets.size(), "target"))
                    .append(".\n\n");
        } else if (!clean.isEmpty()) {
            md.append("No findings for:\n\n");
            clean.forEach(review -> md.append("- ")
                    .append(code(review.file()))
                    .append(" on ")
                    .append(code(review.target()))
                    .append('\n'));
            md.append('\n');
        }
        if (!result.skippedFiles().isEmpty()) {
            md.append("Left out before the review:\n\n");
            result.skippedFiles()
                    .forEach(warning -> md.append("- ").append(escape(warning)).append('\n'));
            md.append('\n');
        }
        if (result.reportUrl() != null && !result.reportUrl().isBlank()) {
            md.append("[Open in Bytebase](").append(result.reportUrl()).append(")\n\n");
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static void appendTable(StringBuilder md, FileReview review) {
        md.append("### ")
                .append(code(review.file()))
                .append(" on ")
                .append(code(review.target()))
                .append("\n\n");
        md.append("| Level | Rule | Line | Message |\n");
        md.append("| --- | --- | ---: | --- |\n");
        for (Finding finding : review.issues()) {
            md.append("| ")
                    .append(level(finding.severity()))
                    .append(" | ")
                    .append(rule(finding))
                    .append(" | ")
                    .append(finding.line())
                    .append(" | ")
                    .append(escape(finding.message()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String rule(Finding finding) {
        String title = escape(finding.title());
        if (finding.code() == 0) {
            return title;
        }
        return "[" + finding.code() + " " + title + "](" + finding.docUrl() + ")";
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "Error";
            case WARNING -> "Warning";
            case SUCCESS -> "Success";
            case UNKNOWN -> "Notice";
        };
    }

    private static String label(Risk risk) {
        String name = risk.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A code span for names; a name holding a backtick is escaped text instead (a span cannot hold it safely). */
    static String code(String name) {
        return name.contains("`") || name.contains("\n") || name.contains("|") ? escape(name) : "`" + name + "`";
    }

    /** Escapes text for a table cell: Markdown punctuation and {@code |}, HTML starts, newlines as {@code <br>}. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '\n') {
                escaped.append("<br>");
            } else if ("\\`*_[]<>|&~#!".indexOf(c) >= 0) {
                escaped.append('\\').append(c);
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
