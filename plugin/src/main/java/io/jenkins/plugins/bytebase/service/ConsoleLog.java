package io.jenkins.plugins.bytebase.service;

import hudson.console.HyperlinkNote;
import hudson.model.TaskListener;
import io.jenkins.plugins.bytebase.actions.ReviewAction;
import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.rollout.RolloutEvent;
import io.jenkins.plugins.bytebase.core.rollout.RolloutListener;
import java.io.PrintStream;

/** How findings and rollout events look on the console: one line each, with a link when there is one. */
final class ConsoleLog {

    private ConsoleLog() {}

    /**
     * {@code file:line: LEVEL code title: message [target]}, then the rule's documentation. {@code file:line} links to
     * that line on the review page. {@code SUCCESS} advices (a rule that passed) are left out, as in the SARIF and
     * Markdown reports.
     *
     * @param page the review's page, already attached to its build
     */
    static void printFindings(TaskListener listener, ReviewResult result, ReviewAction page) {
        PrintStream out = listener.getLogger();
        for (FileReview review : result.reviews()) {
            for (Finding finding : review.issues()) {
                String place = review.file() + ":" + Math.max(1, finding.line());
                String url = page.findingUrl(review.file(), finding.line());
                out.println((url == null ? place : HyperlinkNote.encodeTo("/" + url, place)) + ": "
                        + finding.severity() + " " + finding.code() + " " + finding.title() + ": " + finding.message()
                        + " [" + review.target() + "]");
                out.println("    " + HyperlinkNote.encodeTo(finding.docUrl(), finding.docUrl()));
            }
        }
        out.println(Messages.ConsoleLog_ReviewSummary(result.errors(), result.warnings(), result.risk()));
        if (result.reportUrl() != null && !result.reportUrl().isEmpty()) {
            out.println(HyperlinkNote.encodeTo(result.reportUrl(), result.reportUrl()));
        }
    }

    static RolloutListener rolloutPrinter(TaskListener listener) {
        return event -> printEvent(listener, event);
    }

    static void printEvent(TaskListener listener, RolloutEvent event) {
        String url = event.url();
        if (url == null || url.isEmpty()) {
            listener.getLogger().println("[Bytebase] " + event.message());
        } else {
            listener.getLogger().println("[Bytebase] " + event.message() + " " + HyperlinkNote.encodeTo(url, url));
        }
    }
}
