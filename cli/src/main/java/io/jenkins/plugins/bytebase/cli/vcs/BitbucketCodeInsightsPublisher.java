package io.jenkins.plugins.bytebase.cli.vcs;

import io.jenkins.plugins.bytebase.cli.format.CodeInsights;
import java.util.List;
import java.util.Map;

/**
 * Puts a review on a Bitbucket commit as the Code Insights report {@code bytebase}, so that the commit's pull requests
 * show it with its findings on the changed lines. An earlier report of the same commit (a re-run) is deleted first,
 * taking its annotations with it, so that findings fixed since do not linger.
 */
public final class BitbucketCodeInsightsPublisher {

    /** Bitbucket's limit of annotations per request. */
    public static final int ANNOTATIONS_PER_REQUEST = 100;

    private final VcsHttp proxy;
    private final BitbucketRepository repository;

    public BitbucketCodeInsightsPublisher(VcsHttp proxy, BitbucketRepository repository) {
        this.proxy = proxy;
        this.repository = repository;
    }

    /**
     * @return one line saying what was published
     * @throws VcsCallException when Bitbucket refuses or cannot be reached
     */
    public String publish(CodeInsights insights) {
        if (repository.commit() == null) {
            throw new VcsCallException("BITBUCKET_COMMIT is not set, so there is no commit to report on");
        }
        String id = CodeInsights.REPORT_ID;
        VcsHttp.Answer deleted = proxy.send("DELETE", repository.report(id), Map.of(), null);
        if (deleted.status() != 404) {
            deleted.requireOk("Deleting the earlier report");
        }
        proxy.send("PUT", repository.report(id), Map.of(), insights.report()).requireOk("Creating the report");
        List<List<CodeInsights.Annotation>> batches = insights.batches(ANNOTATIONS_PER_REQUEST);
        for (List<CodeInsights.Annotation> batch : batches) {
            proxy.send("POST", repository.annotations(id), Map.of(), batch).requireOk("Adding annotations");
        }
        int count = insights.annotations().size();
        return "Bitbucket Code Insights report '" + id + "' on commit " + repository.commit() + ": "
                + insights.report().result() + ", " + count + " annotation" + (count == 1 ? "" : "s")
                + (insights.leftOut() > 0 ? " (" + insights.leftOut() + " more left out)" : "");
    }
}
