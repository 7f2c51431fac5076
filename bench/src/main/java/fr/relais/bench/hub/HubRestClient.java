package fr.relais.bench.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few REST calls the bench needs: health, tokens, member accounts, reading a channel back, live sessions. */
public final class HubRestClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int CONFLICT = 409;
    /** The hub caps pages at relais.limits.history-max-page (200). */
    private static final int EVENTS_PAGE = 200;

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public HubRestClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public boolean isHealthy() {
        try {
            HttpResponse<String> response = http.send(request("/actuator/health").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(json.readTree(response.body()).path("status").asString());
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String accessToken(String username, String password) {
        JsonNode answer = post("/api/v1/auth/token", null, Map.of("username", username, "password", password), List.of(200));
        String token = answer.path("accessToken").asString("");
        if (token.isEmpty()) {
            throw new IllegalStateException("no accessToken in the answer for " + username + ": " + answer);
        }
        return token;
    }

    /**
     * Creates a member of {@code federation}, or leaves the existing account alone: a second
     * run against the same data directory reuses the accounts of the first.
     */
    public void ensureMember(String adminToken, String username, String password, String federation) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("displayName", "Bench " + username);
        user.put("password", password);
        user.put("federation", federation);
        user.put("roles", List.of("MEMBER"));
        post("/api/v1/users", adminToken, user, List.of(201, 200, CONFLICT));
    }

    /**
     * A server that answers HTTP at all: the baseline has no health endpoint, any status will do.
     */
    public boolean isReachable() {
        try {
            http.send(request("/").GET().build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Client message ids of every {@code message.created} event of a channel whose id starts
     * with {@code prefix}, in seq order, repeats kept: the catch-up API read page after page.
     */
    public List<String> storedClientMessageIds(String bearerToken, String channelId, String prefix) {
        List<String> ids = new ArrayList<>();
        long afterSeq = 0;
        while (true) {
            JsonNode page = get("/api/v1/channels/" + channelId + "/events?afterSeq=" + afterSeq + "&limit=" + EVENTS_PAGE,
                    bearerToken);
            for (JsonNode event : page.path("events")) {
                String id = event.path("clientMessageId").asString("");
                if ("message.created".equals(event.path("type").asString("")) && id.startsWith(prefix)) {
                    ids.add(id);
                }
            }
            long lastSeq = page.path("lastSeq").asLong(afterSeq);
            if (!page.path("hasMore").asBoolean(false) || lastSeq <= afterSeq) {
                return ids;
            }
            afterSeq = lastSeq;
        }
    }

    /** What the hub says of a live session it ended: its reaction totals and participation. */
    public record EndedLiveSession(Map<String, Long> reactions, long reactionTotal, int reactors, int messages) {
    }

    /**
     * Switches the channel live (moderators; the admin is one everywhere). A session left over by
     * an earlier run on the same data directory is ended first, so the counts start at zero.
     */
    public void startLive(String bearerToken, String channelId, String title, int slowModeSeconds) {
        String path = "/api/v1/channels/" + channelId + "/live";
        Map<String, Object> body = Map.of("title", title, "slowModeSeconds", slowModeSeconds);
        JsonNode answer = post(path, bearerToken, body, List.of(201, CONFLICT));
        if ("already_live".equals(answer.path("code").asString(""))) {
            endLive(bearerToken, channelId);
            post(path, bearerToken, body, List.of(201));
        }
    }

    /** Ends the channel's live session: the hub flushes pending reactions and answers the summary. */
    public EndedLiveSession endLive(String bearerToken, String channelId) {
        HttpRequest.Builder builder = request("/api/v1/channels/" + channelId + "/live").DELETE()
                .header("Authorization", "Bearer " + bearerToken);
        JsonNode summary = send("DELETE", channelId, builder.build(), 200);
        Map<String, Long> reactions = new java.util.TreeMap<>();
        summary.path("reactions").properties().forEach(e -> reactions.put(e.getKey(), e.getValue().asLong()));
        return new EndedLiveSession(reactions, summary.path("reactionTotal").asLong(-1), summary.path("reactors").asInt(-1),
                summary.path("messages").asInt(-1));
    }

    private JsonNode send(String method, String what, HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + what, e);
        }
    }

    private JsonNode get(String path, String bearerToken) {
        HttpRequest.Builder builder = request(path).GET();
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    private JsonNode post(String path, String bearerToken, Object body, List<Integer> acceptedStatuses) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (!acceptedStatuses.contains(response.statusCode())) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + path, e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(TIMEOUT);
    }
}
