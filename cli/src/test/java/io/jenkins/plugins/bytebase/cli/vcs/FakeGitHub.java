package io.jenkins.plugins.bytebase.cli.vcs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GitHub's issue-comment API for one pull request, with state: comments can be listed (in pages with a {@code Link}
 * header), created and updated, so that a test sees a second run find the first run's comment.
 */
public final class FakeGitHub implements AutoCloseable {

    public static final String REPOSITORY = "acme/hr-db";
    public static final int PULL_REQUEST = 7;
    public static final String COMMENTS = "/repos/" + REPOSITORY + "/issues/" + PULL_REQUEST + "/comments";

    private final FakeCodeHost host;
    private final List<Map<String, Object>> comments = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final int pageSize;

    private FakeGitHub(FakeCodeHost host, int pageSize) {
        this.host = host;
        this.pageSize = pageSize;
        host.on("GET", COMMENTS, this::list)
                .on("POST", COMMENTS, request -> {
                    Map<String, Object> comment = comment(
                            "github-actions[bot]",
                            "Bot",
                            request.json().get("body").asText());
                    comments.add(comment);
                    return FakeCodeHost.Reply.json(201, comment);
                })
                .on("PATCH", "/repos/" + REPOSITORY + "/issues/comments/\\d+", request -> {
                    long id = Long.parseLong(
                            request.path().substring(request.path().lastIndexOf('/') + 1));
                    for (Map<String, Object> comment : comments) {
                        if (comment.get("id").equals(id)) {
                            comment.put("body", request.json().get("body").asText());
                            return FakeCodeHost.Reply.json(200, comment);
                        }
                    }
                    return FakeCodeHost.Reply.json(404, Map.of("message", "Not Found"));
                });
    }

    /** Pages of {@code pageSize} comments, whatever {@code per_page} asks for. */
    public static FakeGitHub start(int pageSize) throws IOException {
        return new FakeGitHub(FakeCodeHost.start(), pageSize);
    }

    public FakeCodeHost host() {
        return host;
    }

    public String url() {
        return host.url();
    }

    /** Adds a comment someone else wrote. */
    public FakeGitHub withComment(String login, String type, String body) {
        comments.add(comment(login, type, body));
        return this;
    }

    public List<Map<String, Object>> comments() {
        return List.copyOf(comments);
    }

    private Map<String, Object> comment(String login, String type, String body) {
        long id = ids.incrementAndGet();
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("id", id);
        comment.put("html_url", "https://github.com/" + REPOSITORY + "/pull/" + PULL_REQUEST + "#issuecomment-" + id);
        comment.put("body", body);
        comment.put("user", Map.of("login", login, "type", type, "id", 41898282));
        return comment;
    }

    private FakeCodeHost.Reply list(FakeCodeHost.Request request) {
        String query = request.uri().getQuery() == null ? "" : request.uri().getQuery();
        int page = 1;
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("page=")) {
                page = Integer.parseInt(parameter.substring(5));
            }
        }
        int from = Math.min(comments.size(), (page - 1) * pageSize);
        int to = Math.min(comments.size(), from + pageSize);
        FakeCodeHost.Reply reply = FakeCodeHost.Reply.json(200, comments.subList(from, to));
        if (to < comments.size()) {
            String next = host.url() + COMMENTS + "?per_page=100&page=" + (page + 1);
            return new FakeCodeHost.Reply(200, reply.body(), Map.of("Link", "<" + next + ">; rel=\"next\""));
        }
        return reply;
    }

    @Override
    public void close() {
        host.close();
    }
}
