package io.jenkins.plugins.bytebase.core.client;

import static io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.bytebase.sandbox.BytebaseSandbox;
import io.jenkins.plugins.bytebase.sandbox.BytebaseSandboxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BytebaseSandboxExtension.class)
class AuthenticationITest {

    private static final String MISSING_PLAN = PROJECT + "/plans/424242";

    @Test
    void shouldLogInOnceForManyCallsFromManyThreads(BytebaseSandbox sandbox) throws Exception {
        BytebaseClient client = SandboxClients.client(sandbox);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> client.serverInfo());
            }
            for (Future<Object> result : threads.invokeAll(calls)) {
                assertThat(result.get()).isNotNull();
            }
        } finally {
            threads.shutdown();
        }
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.getPlan(MISSING_PLAN)).isInstanceOf(BytebaseNotFoundException.class);
        }

        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login")).isEqualTo(1);
        assertThat(SandboxClients.count(sandbox, "GET", "/v1/actuator/info")).isEqualTo(1);
    }

    @Test
    void shouldLogInAgainOnceAfterTheServerExpiredTheToken(BytebaseSandbox sandbox) {
        BytebaseClient client = SandboxClients.client(sandbox);
        client.serverInfo();

        sandbox.faults().expireTokens();

        assertThatThrownBy(() -> client.getPlan(MISSING_PLAN)).isInstanceOf(BytebaseNotFoundException.class);
        assertThat(SandboxClients.statuses(sandbox, "GET", "/v1/" + MISSING_PLAN))
                .containsExactly(401, 404);
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login")).isEqualTo(2);
    }

    @Test
    void shouldTellToCheckTheServiceAccountWhenTheSecretIsWrong(BytebaseSandbox sandbox) {
        BytebaseClient client = BytebaseClient.builder(sandbox.url())
                .credentials(Credentials.serviceAccount(BytebaseSandbox.SERVICE_ACCOUNT, "bbs_wrongsecret42"))
                .retryPolicy(SandboxClients.FAST_RETRIES)
                .build();

        assertThatThrownBy(() -> client.getPlan(MISSING_PLAN))
                .isInstanceOfSatisfying(BytebaseAuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.remedy()).contains("check the service account email and its secret");
                })
                .message()
                .contains(BytebaseSandbox.SERVICE_ACCOUNT)
                .doesNotContain("bbs_wrongsecret42");
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login")).isEqualTo(1);
        assertThat(SandboxClients.count(sandbox, "GET", "/v1/")).isZero();
    }

    @Test
    void shouldSayTheAccessTokenWasRefusedWithoutLoggingIn(BytebaseSandbox sandbox) {
        BytebaseClient client = BytebaseClient.builder(sandbox.url())
                .credentials(Credentials.accessToken("expired-or-made-up-token"))
                .build();

        assertThatThrownBy(() -> client.getPlan(MISSING_PLAN))
                .isInstanceOf(BytebaseAuthenticationException.class)
                .hasMessageContaining("refused the access token")
                .hasMessageContaining("supply a fresh access token")
                .message()
                .doesNotContain("expired-or-made-up-token");
        assertThat(SandboxClients.count(sandbox, "POST", "/v1/auth/login")).isZero();
        assertThat(SandboxClients.statuses(sandbox, "GET", "/v1/" + MISSING_PLAN))
                .containsExactly(401);
    }
}
