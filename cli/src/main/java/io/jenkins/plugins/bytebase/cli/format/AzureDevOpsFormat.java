package io.jenkins.plugins.bytebase.cli.format;

import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;

/**
 * Azure Pipelines logging commands, one per finding, so the run and the pull request show them:
 * {@code ##vso[task.logissue type=warning;sourcepath=…;linenumber=…;columnnumber=…;code=…]message}. Values are
 * escaped as the Azure Pipelines task library does, so a message cannot end the command early.
 */
public final class AzureDevOpsFormat {

    private AzureDevOpsFormat() {}

    public static String format(ReviewResult result) {
        StringBuilder text = new StringBuilder();
        for (LocatedFinding located : LocatedFinding.of(result)) {
            Finding finding = located.finding();
            text.append("##vso[task.logissue type=")
                    .append(located.level())
                    .append(";sourcepath=")
                    .append(escapeProperty(located.file()))
                    .append(";linenumber=")
                    .append(located.line());
            if (located.column() > 0) {
                text.append(";columnnumber=").append(located.column());
            }
            text.append(";code=")
                    .append(finding.code())
                    .append(']')
                    .append(escapeData(finding.title() + ": " + finding.message() + " (" + located.target() + ")"))
                    .append('\n');
        }
        return text.toString();
    }

    static String escapeData(String value) {
        return value.replace("%", "%AZP25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String value) {
        return escapeData(value).replace("]", "%5D").replace(";", "%3B");
    }
}
