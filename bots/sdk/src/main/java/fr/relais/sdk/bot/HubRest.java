package fr.relais.sdk.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's REST API with a bot token: JSON in, JSON out, problem JSON turned into {@link HubException}.
 * {@code 429 rate_limited} and {@code 503} answers are retried after the hub's {@code Retry-After} (at
 * most 5 times), so a bot posting to 102 channels slows down instead of failing.
 */
public final class HubRest {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String token;

    /** @param hub the hub's base URL, e.g. {@code http://localhost:8080} */
    public HubRest(URI hub, String token) {
        String s = hub.toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        this.token = token;
    }

    public URI webSocketUri() {
        return URI.create(base.replaceFirst("^http", "ws") + "/ws");
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public JsonNode post(String path, Object body) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public JsonNode put(String path, Object body) {
        return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            int status = response.statusCode();
            if ((status == 429 || status == 503) && attempt < 5) {
                long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                sleep(Math.min(Math.max(wait, 1), 30) * 1000);
                continue;
            }
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (status / 100 == 2) return body;
            String code = body.has("code") ? body.get("code").asString() : "http_" + status;
            String detail = body.has("detail") ? body.get("detail").asString() : response.body();
            throw new HubException(status, code, detail);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
