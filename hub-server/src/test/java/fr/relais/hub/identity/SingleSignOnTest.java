package fr.relais.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import fr.relais.testidp.TestIdentityProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on against a real OpenID Connect provider started by the test (Spring Authorization
 * Server, {@link TestIdentityProvider}): the full browser redirect flow with PKCE, driven by an HTTP
 * client that keeps cookies and posts the provider's login form; claim mapping; the cookie session
 * with CSRF; logout; and the provider's access tokens as bearer tokens on REST and STOMP CONNECT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "relais.mongo.embedded-in-memory=true",
        "relais.security.admin-password=" + World.ADMIN_PASSWORD,
        "relais.security.oidc.client-id=relais-hub",
        "relais.security.oidc.client-secret=" + TestIdentityProvider.HUB_CLIENT_SECRET,
        "relais.security.oidc.role-mapping.relais-coordinateurs=FEDERATION_COORDINATOR",
})
class SingleSignOnTest {
    private static final int HUB_PORT = freePort();
    private static ConfigurableApplicationContext provider;
    private static String issuer;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        provider = TestIdentityProvider.start(HUB_PORT);
        issuer = "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
        registry.add("server.port", () -> HUB_PORT);
        registry.add("relais.security.oidc.issuer-uri", () -> issuer);
    }

    @AfterAll
    static void stop() {
        if (provider != null) provider.close();
    }

    private final String hub = "http://localhost:" + HUB_PORT;

    @Test
    void a_browser_signs_in_with_the_party_provider_and_gets_a_mapped_account_and_a_cookie_session() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(hub + "/oauth2/authorization/party");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(issuer + "/oauth2/authorize").contains("code_challenge=", "code_challenge_method=S256");

        HttpResponse<String> landed = browser.signInAndFollow(authorize, "gwen");
        assertThat(landed.uri().toString()).isEqualTo(hub + "/");
        HttpCookie session = browser.cookie("localhost", "RELAIS_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(browser.setCookieHeaders).anySatisfy(h -> assertThat(h).startsWith("RELAIS_SESSION=").containsIgnoringCase("SameSite=Lax"));

        JsonNode me = Api.JSON.readTree(browser.get(hub + "/api/v1/me").body());
        assertThat(me.get("username").asString()).isEqualTo("gwen");
        assertThat(me.get("displayName").asString()).isEqualTo("Gwenaëlle Le Bihan");
        assertThat(me.get("federation").asString()).isEqualTo("29");
        assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly("FEDERATION_COORDINATOR");

        // Cookie-authenticated writes need the CSRF token echoed from the XSRF-TOKEN cookie.
        String body = "{\"text\":\"Bonjour depuis le SSO\"}";
        HttpResponse<String> forged = browser.post(hub + "/api/v1/channels/fed-29/messages", body, Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Api.JSON.readTree(forged.body()).get("code").asString()).isEqualTo("csrf_invalid");
        browser.get(hub + "/api/v1/auth/csrf");
        String xsrf = browser.cookie("localhost", "XSRF-TOKEN").getValue();
        assertThat(browser.post(hub + "/api/v1/channels/fed-29/messages", body, Map.of("X-XSRF-TOKEN", xsrf)).statusCode()).isEqualTo(201);

        // The browser session is a hub session the user sees and can end; logout goes to the provider too.
        JsonNode sessions = Api.JSON.readTree(browser.get(hub + "/api/v1/me/sessions").body());
        assertThat(sessions).anySatisfy(s -> assertThat(s.get("kind").asString()).isEqualTo("BROWSER"));
        HttpResponse<String> logout = browser.post(hub + "/api/v1/auth/logout", "", Map.of("X-XSRF-TOKEN", xsrf));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith(issuer).contains("id_token_hint=");
        assertThat(browser.get(hub + "/api/v1/me").statusCode()).isEqualTo(401);

        JsonNode audit = new Api(HUB_PORT).get("/api/v1/audit?type=login.sso&userId=" + me.get("id").asString(),
                new Api(HUB_PORT).token("admin", World.ADMIN_PASSWORD)).json();
        assertThat(audit.size()).isEqualTo(1);
    }

    @Test
    void the_providers_access_tokens_work_as_bearer_tokens_on_rest_and_stomp_when_meant_for_the_hub() throws Exception {
        Browser browser = new Browser();
        String token = browser.accessToken("relais-cli", "yann");
        Api api = new Api(HUB_PORT);
        JsonNode me = api.get("/api/v1/me", token).json();
        assertThat(me.get("username").asString()).isEqualTo("yann");
        assertThat(me.get("federation").asString()).isEqualTo("75");
        assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly("MEMBER");

        try (LiveClient live = LiveClient.connect(api.ws(), token).subscribeChannel("fed-75")) {
            live.sendAndAwaitReceipt("fed-75", "message signé par le fournisseur d'identité", "sso-" + System.nanoTime());
        }

        String foreign = browser.accessToken("other-app", "yann");
        assertThat(api.get("/api/v1/me", foreign).status()).as("a token for another audience is refused").isEqualTo(401);
    }

    /** A minimal browser: cookies per host, redirects followed by hand (so each hop can be checked), form login. */
    private static final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        final List<String> setCookieHeaders = new java.util.ArrayList<>();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*;q=0.8").GET().build());
        }

        HttpResponse<String> post(String url, String json, Map<String, String> headers) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            headers.forEach(b::header);
            return send(b.build());
        }

        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            setCookieHeaders.addAll(response.headers().allValues("Set-Cookie"));
            return response;
        }

        /** Follows redirects from {@code url}, posting the provider's login form when it shows up. */
        HttpResponse<String> signInAndFollow(String url, String username) throws IOException, InterruptedException {
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

        /** Authorization code + PKCE as a public client, then the token endpoint: the provider's access token. */
        String accessToken(String clientId, String username) throws Exception {
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

        HttpCookie cookie(String host, String name) {
            return cookies.getCookieStore().get(URI.create("http://" + host)).stream()
                    .filter(c -> c.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
        }

        static String form(Map<String, String> fields) {
            return fields.entrySet().stream().map(e -> Api.q(e.getKey()) + "=" + Api.q(e.getValue())).collect(Collectors.joining("&"));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
