package io.jenkins.plugins.bytebase.cli.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.cli.format.CodeInsights;
import io.jenkins.plugins.bytebase.cli.format.ReviewFixtures;
import io.jenkins.plugins.bytebase.core.review.CheckPolicy;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report and its annotations through a fake of Pipelines' proxy, which records what Bitbucket would get. */
class BitbucketCodeInsightsPublisherTest {

    private static final String REPORT = "/2.0/repositories/acme/hr-db/commit/abc123/reports/bytebase";

    private FakeCodeHost proxy;

    @BeforeEach
    void start() throws Exception {
        proxy = FakeCodeHost.start()
                .on("DELETE", REPORT, 204, "")
                .on("PUT", REPORT, 200, Map.of("uuid", "{r}"))
                .on("POST", REPORT + "/annotations", 200, "[]");
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private String publish(ReviewResult result) {
        VcsHttp http = VcsHttp.through(
                new InetSocketAddress(
                        "127.0.0.1", Integer.parseInt(proxy.address().split(":")[1])),
                Duration.ofSeconds(5));
        return new BitbucketCodeInsightsPublisher(http, new BitbucketRepository("acme", "hr-db", "abc123"))
                .publish(CodeInsights.of(result, CheckPolicy.FAIL_ON_ERROR.evaluate(result)));
    }

    @Test
    void shouldReplaceTheReportThenAddTheAnnotationsInBatchesOfAHundred() {
        String line = publish(ReviewFixtures.many(125));

        assertThat(proxy.calls())
                .containsExactly(
                        "DELETE " + REPORT,
                        "PUT " + REPORT,
                        "POST " + REPORT + "/annotations",
                        "POST " + REPORT + "/annotations",
                        "POST " + REPORT + "/annotations");
        assertThat(proxy.requests())
                .allSatisfy(request -> assertThat(request.uri().toString()).startsWith("http://api.bitbucket.org/"));
        assertThat(proxy.requests("POST")).extracting(r -> r.json().size()).containsExactly(100, 100, 50);
        assertThat(proxy.requests("POST")
                        .get(2)
                        .json()
                        .get(49)
                        .get("external_id")
                        .asText())
                .isEqualTo("bytebase-250");
        FakeCodeHost.Request put = proxy.requests("PUT").get(0);
        assertThat(put.header("Content-Type")).isEqualTo("application/json");
        assertThat(put.json().get("result").asText()).isEqualTo("FAILED");
        assertThat(put.json().get("reporter").asText()).isEqualTo("Bytebase");
        assertThat(line).contains("'bytebase'", "abc123", "FAILED", "250 annotations");
    }

    @Test
    void shouldSendNoMoreThanAThousandAnnotations() {
        String line = publish(ReviewFixtures.many(600));

        assertThat(proxy.requests("POST"))
                .hasSize(10)
                .allSatisfy(post -> assertThat(post.json().size()).isEqualTo(100));
        assertThat(line).contains("1000 annotations (200 more left out)");
    }

    @Test
    void shouldSendTheReportAloneWhenThereAreNoFindings() {
        ReviewResult clean = ReviewFixtures.many(0);

        publish(clean);

        assertThat(proxy.calls()).containsExactly("DELETE " + REPORT, "PUT " + REPORT);
        assertThat(proxy.requests("PUT").get(0).json().get("result").asText()).isEqualTo("PASSED");
    }

    @Test
    void shouldTakeAMissingEarlierReportInItsStride() {
        proxy.on("DELETE", REPORT, 404, Map.of("error", Map.of("message", "Resource not found")));

        publish(ReviewFixtures.mixed());

        assertThat(proxy.requests("PUT")).hasSize(1);
    }

    @Test
    void shouldSayWhichStepFailedAndStopThere() {
        proxy.on("PUT", REPORT, 400, Map.of("error", Map.of("message", "The summary field is too long")));

        assertThatThrownBy(() -> publish(ReviewFixtures.mixed()))
                .isInstanceOf(VcsCallException.class)
                .hasMessageContaining("Creating the report failed: PUT http://api.bitbucket.org" + REPORT)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("The summary field is too long");
        assertThat(proxy.requests("POST")).isEmpty();
    }

    @Test
    void shouldNameTheMissingCommit() {
        VcsHttp http = VcsHttp.direct(Duration.ofSeconds(1));
        BitbucketCodeInsightsPublisher publisher =
                new BitbucketCodeInsightsPublisher(http, new BitbucketRepository("acme", "hr-db", null));
        ReviewResult result = ReviewFixtures.mixed();

        assertThatThrownBy(() -> publisher.publish(CodeInsights.of(result, CheckPolicy.SKIP.evaluate(result))))
                .hasMessageContaining("BITBUCKET_COMMIT");
        assertThat(proxy.requests()).isEmpty();
    }
}
