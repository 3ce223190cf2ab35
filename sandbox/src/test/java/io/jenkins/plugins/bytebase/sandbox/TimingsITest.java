package io.jenkins.plugins.bytebase.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimingsITest {

    @RegisterExtension
    static final BytebaseSandboxExtension EXTENSION = new BytebaseSandboxExtension();

    private static final String RELEASES = "/v1/" + BytebaseSandbox.PROJECT + "/releases";

    @Test
    void shouldTimeEachRequestIncludingAnInjectedLatency(BytebaseSandbox sandbox) throws InterruptedException {
        SandboxHttp http = new SandboxHttp(sandbox).login();
        sandbox.faults().latency(Duration.ofMillis(120));
        assertThat(http.get(RELEASES).status()).isEqualTo(200);

        List<RequestTiming> timings = awaitTimings(sandbox, 2);
        assertThat(timings)
                .extracting(RequestTiming::method, RequestTiming::path)
                .containsExactly(tuple("POST", "/v1/auth/login"), tuple("GET", RELEASES));
        assertThat(timings.get(1).handling()).isGreaterThanOrEqualTo(Duration.ofMillis(120));
        assertThat(timings.get(1).received()).isAfterOrEqualTo(timings.get(0).received());
    }

    @Test
    void shouldForgetTimingsOnReset(BytebaseSandbox sandbox) throws InterruptedException {
        new SandboxHttp(sandbox).login();
        awaitTimings(sandbox, 1);

        sandbox.reset();

        assertThat(sandbox.timings()).isEmpty();
    }

    /** A timing is added just after the answer's last byte, so the client may see the answer a moment before. */
    private static List<RequestTiming> awaitTimings(BytebaseSandbox sandbox, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (sandbox.timings().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return sandbox.timings();
    }
}
