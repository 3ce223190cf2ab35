package io.jenkins.plugins.bytebase.core.client;

import java.util.Objects;

/** How the client authenticates. {@link #toString()} never shows the secret. */
public sealed interface Credentials {

    /** A service account ({@code name@service.bytebase.com}) and its {@code bbs_} secret, exchanged for a token. */
    static Credentials serviceAccount(String email, String secret) {
        return new ServiceAccount(email, secret);
    }

    /** A ready access token (for example from workload identity); used as is, it cannot be renewed. */
    static Credentials accessToken(String token) {
        return new AccessToken(token);
    }

    /** Who the credentials belong to, safe to print. */
    String principal();

    record ServiceAccount(String email, String secret) implements Credentials {
        public ServiceAccount {
            Objects.requireNonNull(email, "service account email");
            Objects.requireNonNull(secret, "service account secret");
        }

        @Override
        public String principal() {
            return email;
        }

        @Override
        public String toString() {
            return "ServiceAccount[" + email + ", secret=****]";
        }
    }

    record AccessToken(String token) implements Credentials {
        public AccessToken {
            Objects.requireNonNull(token, "access token");
        }

        @Override
        public String principal() {
            return "access token";
        }

        @Override
        public String toString() {
            return "AccessToken[****]";
        }
    }
}
