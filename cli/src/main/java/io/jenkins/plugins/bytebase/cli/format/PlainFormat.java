package io.jenkins.plugins.bytebase.cli.format;

import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;

/**
 * Compiler-style lines that editors and most CI log viewers link: {@code file:line:column: level code title: message
 * (target)}. The column is left out when the server does not know it.
 */
public final class PlainFormat {

    private PlainFormat() {}

    public static String format(ReviewResult result) {
        StringBuilder text = new StringBuilder();
        for (LocatedFinding located : LocatedFinding.of(result)) {
            Finding finding = located.finding();
            text.append(located.file()).append(':').append(located.line()).append(':');
            if (located.column() > 0) {
                text.append(located.column()).append(':');
            }
            text.append(' ')
                    .append(located.level())
                    .append(' ')
                    .append(finding.code())
                    .append(' ')
                    .append(finding.title())
                    .append(": ")
                    .append(oneLine(finding.message()))
                    .append(" (")
                    .append(located.target())
                    .append(")\n");
        }
        return text.toString();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
