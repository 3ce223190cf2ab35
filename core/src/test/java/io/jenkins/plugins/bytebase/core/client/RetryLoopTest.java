package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryLoopTest {

    private static final ApiCall READ = ApiCall.get("/v1/projects/p/plans/1", "the plan projects/p/plans/1");
    private static final ApiCall CREATE = ApiCall.post("/v1/projects/p/plans", "{}", "the project projects/p");

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final ErrorMapper errors =
            new ErrorMapper("http://bytebase", Duration.ofSeconds(120), Duration.ofSeconds(10), "ci", new Redactor());

    private RetryLoop loop(RetryPolicy policy, double random) {
        return new RetryLoop(policy, sleeps::add, () -> random, log::add, errors);
    }

    @Test
    void shouldDoubleTheDelayUpToTheCapWithJitterOnHalfOfIt() {
        RetryLoop loop = loop(new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30)), 1.0);
        RetryLoop noJitter = loop(new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30)), 0.0);

        assertThat(loop.delay(1, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(loop.delay(2, Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(loop.delay(3, Duration.ZERO)).isEqualTo(Duration.ofSeconds(4));
        assertThat(loop.delay(6, Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
        assertThat(noJitter.delay(2, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldHonourRetryAfterUpToTheCap() {
        RetryLoop loop = loop(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30)), 0.0);

        assertThat(loop.delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(loop.delay(1, Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldRetryA429OnAReadAfterTheDelayTheServerAsks() {
        Deque<Object> answers =
                new ArrayDeque<>(List.of(result(429, Map.of("Retry-After", List.of("7"))), result(200)));

        HttpResult result = loop(RetryPolicy.defaults(), 0.0).execute(READ, () -> next(answers));

        assertThat(result.status()).isEqualTo(200);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(log).singleElement().asString().contains("GET /v1/projects/p/plans/1 answered HTTP 429");
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptAndReturnTheLastAnswer() {
        Deque<Object> answers = new ArrayDeque<>(List.of(result(503), result(502), result(504), result(200)));

        HttpResult result = loop(RetryPolicy.defaults(), 0.5).execute(READ, () -> next(answers));

        assertThat(result.status()).isEqualTo(504);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void shouldNeverRepeatACreateThatReachedTheServer() {
        Deque<Object> answers = new ArrayDeque<>(List.of(result(503), result(200)));

        HttpResult result = loop(RetryPolicy.defaults(), 0.5).execute(CREATE, () -> next(answers));

        assertThat(result.status()).isEqualTo(503);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldNotRepeatACreateWhoseConnectionDropped() {
        Deque<Object> answers = new ArrayDeque<>(List.of(new IOException("Connection reset"), result(200)));

        assertThatThrownBy(() -> loop(RetryPolicy.defaults(), 0.5).execute(CREATE, () -> next(answers)))
                .isInstanceOfSatisfying(BytebaseOutcomeUnknownException.class, e -> assertThat(e.request())
                        .isEqualTo("POST /v1/projects/p/plans"))
                .hasMessageContaining("broke before Bytebase answered POST /v1/projects/p/plans")
                .hasMessageContaining("may have been carried out");
        assertThat(answers).hasSize(1);
    }

    @Test
    void shouldSayTheOutcomeOfACreateThatTimedOutIsUnknown() {
        Deque<Object> answers = new ArrayDeque<>(List.of(new HttpTimeoutException("request timed out"), result(200)));

        assertThatThrownBy(() -> loop(RetryPolicy.defaults(), 0.5).execute(CREATE, () -> next(answers)))
                .isInstanceOf(BytebaseOutcomeUnknownException.class)
                .hasMessageContaining("No answer from Bytebase to POST /v1/projects/p/plans within 120 s")
                .hasMessageContaining("may have been carried out");
        assertThat(answers).hasSize(1);
    }

    @Test
    void shouldKnowACreateWasNotCarriedOutWhenNoConnectionWasMade() {
        Deque<Object> answers = new ArrayDeque<>(List.of(new ConnectException("Connection refused")));

        assertThatThrownBy(() -> loop(RetryPolicy.none(), 0.5).execute(CREATE, () -> next(answers)))
                .isInstanceOf(BytebaseException.class)
                .isNotInstanceOf(BytebaseOutcomeUnknownException.class)
                .hasMessageContaining("Could not connect");
    }

    @Test
    void shouldRepeatAReadAtOnceWhenItsPooledConnectionWasClosed() {
        Deque<Object> answers =
                new ArrayDeque<>(List.of(new IOException("HTTP/1.1 header parser received no bytes"), result(200)));

        HttpResult result = loop(RetryPolicy.none(), 0.5).execute(READ, () -> next(answers));

        assertThat(result.status()).isEqualTo(200);
        assertThat(sleeps).as("no backoff").isEmpty();
        assertThat(log)
                .as("an expected event of a connection pool, not worth a console line")
                .isEmpty();
    }

    @Test
    void shouldRepeatAtOnceOnlyOnceAndThenFollowThePolicy() {
        Deque<Object> answers = new ArrayDeque<>(List.of(
                new IOException("Connection reset"),
                new IOException("Connection reset"),
                new IOException("Connection reset"),
                result(200)));

        HttpResult result = loop(RetryPolicy.defaults(), 0.5).execute(READ, () -> next(answers));

        assertThat(result.status()).isEqualTo(200);
        assertThat(sleeps).hasSize(2);
        assertThat(log).hasSize(2).allSatisfy(line -> assertThat(line).contains("Connection reset"));
    }

    @Test
    void shouldNotRepeatATimedOutReadAtOnce() {
        Deque<Object> answers = new ArrayDeque<>(List.of(new HttpTimeoutException("request timed out"), result(200)));

        assertThatThrownBy(() -> loop(RetryPolicy.none(), 0.5).execute(READ, () -> next(answers)))
                .isInstanceOf(BytebaseTimeoutException.class);
        assertThat(answers).hasSize(1);
    }

    @Test
    void shouldRepeatACreateWhoseConnectionWasRefusedBeforeSending() {
        Deque<Object> answers = new ArrayDeque<>(List.of(new ConnectException("Connection refused"), result(200)));

        HttpResult result = loop(RetryPolicy.defaults(), 0.5).execute(CREATE, () -> next(answers));

        assertThat(result.status()).isEqualTo(200);
        assertThat(log).singleElement().asString().contains("Connection refused");
    }

    @Test
    void shouldRepeatAReadWhoseConnectionDropped() {
        Deque<Object> answers =
                new ArrayDeque<>(List.of(new IOException("header parser received no bytes"), result(200)));

        assertThat(loop(RetryPolicy.defaults(), 0.5)
                        .execute(READ, () -> next(answers))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldNotRepeatARequestThatTimedOut() {
        Deque<Object> answers = new ArrayDeque<>(List.of(new HttpTimeoutException("request timed out"), result(200)));

        assertThatThrownBy(() -> loop(RetryPolicy.defaults(), 0.5).execute(READ, () -> next(answers)))
                .isInstanceOfSatisfying(BytebaseTimeoutException.class, e -> assertThat(e.status())
                        .isZero())
                .hasMessageContaining("within 120 s (request timeout)")
                .hasMessageContaining("raise the request timeout");
    }

    @Test
    void shouldStopWaitingWhenInterrupted() {
        RetryLoop loop = new RetryLoop(
                RetryPolicy.defaults(),
                delay -> {
                    throw new InterruptedException();
                },
                () -> 0.5,
                log::add,
                errors);
        Deque<Object> answers = new ArrayDeque<>(List.of(result(503), result(200)));

        assertThatThrownBy(() -> loop.execute(READ, () -> next(answers))).hasMessageContaining("Interrupted");
        assertThat(Thread.interrupted()).isTrue();
    }

    private static HttpResult next(Deque<Object> answers) throws IOException {
        Object answer = answers.removeFirst();
        if (answer instanceof IOException failure) {
            throw failure;
        }
        return (HttpResult) answer;
    }

    private static HttpResult result(int status) {
        return result(status, Map.of());
    }

    private static HttpResult result(int status, Map<String, List<String>> headers) {
        return new HttpResult(status, HttpHeaders.of(headers, (name, value) -> true), "{}");
    }
}
