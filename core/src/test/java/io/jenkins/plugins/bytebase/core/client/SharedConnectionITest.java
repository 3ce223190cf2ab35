package io.jenkins.plugins.bytebase.core.client;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.TEST_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import io.jenkins.plugins.bytebase.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many callers on one {@link BytebaseConnection}: one login, one version probe, one pool, a log each. */
@ExtendWith(BytebaseSandboxExtension.class)
class SharedConnectionITest {

    private static final int CALLERS = 40;

    private final List<BytebaseConnection> connections = new ArrayList<>();

    @AfterEach
    void closeConnections() {
        connections.forEach(BytebaseConnection::close);
    }

    private BytebaseConnection connection(BytebaseSandbox sandbox) {
        BytebaseConnection connection = BytebaseConnection.builder(sandbox.url())
                .retryPolicy(SandboxClients.FAST_RETRIES)
                .build();
        connections.add(connection);
        return connection;
    }

    private static Credentials credentials(BytebaseSandbox sandbox) {
        return Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, sandbox.serviceAccountSecret());
    }

    private static Plan newPlan(BytebaseClient client) {
        Release release =
                client.createRelease(PROJECT, SandboxClients.release("1.0.0", "CREATE TABLE t (id INT);"), null, null);
        return client.createPlan(PROJECT, BytebaseClientITest.plan(release, TEST_DATABASE));
    }

    /** Runs the task on {@code CALLERS} threads released together, and returns what each returned. */
    private static <T> List<T> atOnce(Callable<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldLogInOnceAndProbeOnceForManyCallersAtOnce(BytebaseSandbox sandbox) throws Exception {
        String plan = newPlan(SandboxClients.client(sandbox)).name();
        int before = sandbox.requests().size();
        BytebaseConnection connection = connection(sandbox);
        sandbox.faults().latency(Duration.ofMillis(100)); // so that the callers overlap in the login

        List<String> names = atOnce(() -> connection
                .client(credentials(sandbox), line -> {})
                .getPlan(plan)
                .name());

        List<RecordedRequest> requests =
                sandbox.requests().subList(before, sandbox.requests().size());
        assertThat(names).hasSize(CALLERS).containsOnly(plan);
        assertThat(requests).filteredOn(r -> r.path().equals("/v1/auth/login")).hasSize(1);
        assertThat(requests)
                .filteredOn(r -> r.path().equals("/v1/actuator/info"))
                .hasSize(1);
        assertThat(requests).filteredOn(r -> r.path().equals("/v1/" + plan)).hasSize(CALLERS);
    }

    @Test
    void shouldShareOnePoolOfConnections(BytebaseSandbox sandbox) {
        BytebaseConnection connection = connection(sandbox);
        Plan plan = newPlan(connection.client(credentials(sandbox), line -> {}));

        for (int i = 0; i < 10; i++) {
            connection.client(credentials(sandbox), line -> {}).getPlan(plan.name());
        }
        assertThat(portsOf(sandbox, "/v1/" + plan.name()))
                .as("ten callers one after another, one keep-alive connection")
                .hasSize(1);

        sandbox.reset();
        for (int i = 0; i < 10; i++) {
            SandboxClients.client(sandbox).serverInfo();
        }
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login"))
                .as("a client built on its own has a connection and a login of its own")
                .isEqualTo(10);
    }

    private static List<Integer> portsOf(BytebaseSandbox sandbox, String path) {
        return sandbox.requests().stream()
                .filter(request -> request.path().equals(path))
                .map(RecordedRequest::clientPort)
                .distinct()
                .toList();
    }

    @Test
    void shouldLogInAgainWhenTheSecretChangesAndRememberARefusal(BytebaseSandbox sandbox) {
        BytebaseConnection connection = connection(sandbox);
        connection.client(credentials(sandbox), line -> {}).serverInfo();
        connection.client(credentials(sandbox), line -> {}).serverInfo();
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login")).isEqualTo(1);

        Credentials changed = Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, "bbs_rotated_secret_42");
        assertThatThrownBy(() -> connection.client(changed, line -> {}).serverInfo())
                .isInstanceOf(BytebaseAuthenticationException.class)
                .hasMessageNotContaining("bbs_rotated_secret_42");
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login"))
                .as("another secret is another login")
                .isEqualTo(2);

        assertThatThrownBy(() -> connection.client(changed, line -> {}).serverInfo())
                .isInstanceOf(BytebaseAuthenticationException.class)
                .hasMessageContaining("not tried again sooner");
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login"))
                .as("a refused secret is not tried again at once: repeated failures lock the account")
                .isEqualTo(2);
        assertThat(connection.client(credentials(sandbox), line -> {}).serverInfo())
                .as("the right secret still has its token")
                .isNotNull();
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login")).isEqualTo(2);
    }

    @Test
    void shouldLogInOnceAgainWhenTheServerForgotTheTokenOfManyCallers(BytebaseSandbox sandbox) throws Exception {
        BytebaseConnection connection = connection(sandbox);
        String plan =
                newPlan(connection.client(credentials(sandbox), line -> {})).name();
        sandbox.faults().expireTokens();

        atOnce(() -> connection.client(credentials(sandbox), line -> {}).getPlan(plan));

        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login")).isEqualTo(2);
    }

    @Test
    void shouldWriteEachCallersLinesToItsOwnLog(BytebaseSandbox sandbox) {
        BytebaseConnection connection = connection(sandbox);
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        BytebaseClient one = connection.client(credentials(sandbox), first::add);
        BytebaseClient two = connection.client(credentials(sandbox), second::add);
        Plan plan = newPlan(one);
        two.getPlan(plan.name());

        sandbox.faults().failNext(1, 503);
        one.getPlan(plan.name());
        two.getPlan(plan.name());

        assertThat(first).singleElement().asString().contains("answered HTTP 503");
        assertThat(second).isEmpty();
    }

    @Test
    void shouldRefuseCallsOnceClosedAndStopItsThreads(BytebaseSandbox sandbox) throws InterruptedException {
        BytebaseConnection connection = connection(sandbox);
        BytebaseClient client = connection.client(credentials(sandbox), line -> {});
        client.serverInfo();
        assertThat(threadsNamed(connection.threadNamePrefix())).isBetween(1, BytebaseConnection.DEFAULT_THREADS);

        connection.close();

        assertThat(connection.ownExecutor().awaitTermination(10, TimeUnit.SECONDS))
                .isTrue();
        assertThat(connection.isClosed()).isTrue();
        assertThatThrownBy(client::serverInfo)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was closed");
        assertThatThrownBy(() -> connection.client(credentials(sandbox), line -> {}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldServeManyCallersOnAFewThreads(BytebaseSandbox sandbox) throws Exception {
        BytebaseConnection connection = connection(sandbox);
        String plan =
                newPlan(connection.client(credentials(sandbox), line -> {})).name();
        sandbox.faults().latency(Duration.ofMillis(50));

        atOnce(() -> connection.client(credentials(sandbox), line -> {}).getPlan(plan));

        assertThat(threadsNamed(connection.threadNamePrefix())).isBetween(1, BytebaseConnection.DEFAULT_THREADS);
    }

    private static int threadsNamed(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix))
                .count();
    }
}
