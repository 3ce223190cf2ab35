package io.jenkins.plugins.bytebase.steps;

import hudson.model.Result;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The result of the stage a step runs in. Setting the build's result alone leaves the stage green in the stage view
 * and Pipeline Graph View; they read a {@link WarningAction} on the step's node, as the {@code unstable} step sets it.
 */
final class StageResults {

    private StageResults() {}

    /** Marks the step's node, and so its stage, UNSTABLE with the reason shown next to it. */
    static void markUnstable(StepContext context, String reason) throws IOException, InterruptedException {
        FlowNode node = context.get(FlowNode.class);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(reason));
        }
    }
}
