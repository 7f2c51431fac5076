package fr.relais.hub.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A black-box REST client of the hub (JDK HttpClient + Jackson), as a script or bot would use it. */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public URI ws() {
        return URI.create(base.replace("http", "ws") + "/ws");
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    public Response post(String path, String token, Object body) {
        return send(withJson(path, body).POST(HttpRequest.BodyPublishers.ofString(toJson(body))), token);
    }

    public Response postRaw(String path, String token, String rawBody) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody)), token);
    }

    public Response put(String path, String token, Object body) {
        return send(withJson(path, body).PUT(HttpRequest.BodyPublishers.ofString(toJson(body))), token);
    }

    public Response patch(String path, String token, Object body) {
        return send(withJson(path, body).method("PATCH", HttpRequest.BodyPublishers.ofString(toJson(body))), token);
    }

    public Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token);
    }

    public String token(String username, String password) {
        Response r = post("/api/v1/auth/token", null, java.util.Map.of("username", username, "password", password));
        if (r.status() != 200) throw new AssertionError("login of " + username + " failed: " + r);
        return r.json().get("accessToken").asString();
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder withJson(String path, Object body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
    }

    private static String toJson(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private Response send(HttpRequest.Builder request, String token) {
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
