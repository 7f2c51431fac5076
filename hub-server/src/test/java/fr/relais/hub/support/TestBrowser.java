package fr.relais.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.testidp.TestIdentityProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for single sign-on tests: cookies per host, redirects followed by hand (so each
 * hop can be checked), the provider's login form posted. With {@code newConnectionEachRequest}, every
 * request opens its own TCP connection, so a load balancer in front of several nodes spreads them.
 */
public final class TestBrowser {
    private final CookieManager cookies = new CookieManager();
    private final boolean newConnectionEachRequest;
    private final HttpClient shared;
    public final List<String> setCookieHeaders = new ArrayList<>();

    public TestBrowser() {
        this(false);
    }

    public TestBrowser(boolean newConnectionEachRequest) {
        this.newConnectionEachRequest = newConnectionEachRequest;
        this.shared = newConnectionEachRequest ? null : client();
    }

    private HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*;q=0.8").GET().build());
    }

    public HttpResponse<String> post(String url, String json, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        if (shared != null) {
            response = shared.send(request, HttpResponse.BodyHandlers.ofString());
        } else {
            try (HttpClient once = client()) {
                response = once.send(request, HttpResponse.BodyHandlers.ofString());
            }
        }
        setCookieHeaders.addAll(response.headers().allValues("Set-Cookie"));
        return response;
    }

    /** Follows redirects from {@code url}, posting the provider's login form when it shows up. */
    public HttpResponse<String> signInAndFollow(String url, String username) throws IOException, InterruptedException {
        HttpResponse<String> response = get(url);
        for (int hops = 0; hops < 10; hops++) {
            if (response.statusCode() == 302) {
                String next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
                if (next.startsWith(TestIdentityProvider.CLI_REDIRECT)) return response;
                response = get(next);
            } else if (response.statusCode() == 200 && response.body().contains("name=\"password\"")) {
                Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(response.body());
                assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
                String form = form(Map.of("username", username, "password", TestIdentityProvider.PASSWORD, "_csrf", csrf.group(1)));
                response = send(HttpRequest.newBuilder(response.uri().resolve("/login")).header("Content-Type",
                        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
            } else {
                return response;
            }
        }
        throw new AssertionError("too many redirects");
    }

    /** Authorization code + PKCE as a public client of {@code issuer}, then its token endpoint: the provider's access token. */
    public String accessToken(String issuer, String clientId, String username) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = issuer + "/oauth2/authorize?" + form(new LinkedHashMap<>(Map.of("response_type", "code",
                "client_id", clientId, "scope", "openid", "redirect_uri", TestIdentityProvider.CLI_REDIRECT, "state", "s1",
                "code_challenge", challenge, "code_challenge_method", "S256")));
        HttpResponse<String> callback = signInAndFollow(authorize, username);
        String location = callback.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as("redirected with a code: " + location).isTrue();
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "client_id", clientId,
                        "redirect_uri", TestIdentityProvider.CLI_REDIRECT, "code_verifier", verifier)))).build());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return Api.JSON.readTree(token.body()).get("access_token").asString();
    }

    public HttpCookie cookie(String host, String name) {
        return cookies.getCookieStore().get(URI.create("http://" + host)).stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    /** The CSRF token a cookie-authenticated write must echo, fetched from {@code hub}. */
    public String csrfToken(String hub) throws IOException, InterruptedException {
        get(hub + "/api/v1/auth/csrf");
        return cookie(URI.create(hub).getHost(), "XSRF-TOKEN").getValue();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> Api.q(e.getKey()) + "=" + Api.q(e.getValue())).collect(Collectors.joining("&"));
    }
}
