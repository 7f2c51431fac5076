package fr.relais.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.TestBrowser;
import fr.relais.hub.support.World;
import fr.relais.testidp.TestIdentityProvider;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
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
        TestBrowser browser = new TestBrowser();
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
        String xsrf = browser.csrfToken(hub);
        assertThat(browser.post(hub + "/api/v1/channels/fed-29/messages", body, Map.of("X-XSRF-TOKEN", xsrf)).statusCode()).isEqualTo(201);

        // The browser session is a hub session the user sees and can end; logout goes to the provider too.
        JsonNode sessions = Api.JSON.readTree(browser.get(hub + "/api/v1/me/sessions").body());
        assertThat(sessions).anySatisfy(s -> assertThat(s.get("kind").asString()).isEqualTo("BROWSER"));
        HttpResponse<String> logout = browser.post(hub + "/api/v1/auth/logout", "", Map.of("X-XSRF-TOKEN", xsrf));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith(issuer).contains("id_token_hint=");
        assertThat(logout.headers().allValues("Set-Cookie")).as("the browser forgets the session cookie")
                .filteredOn(h -> h.startsWith("RELAIS_SESSION=")).singleElement().asString().contains("Max-Age=0");
        assertThat(browser.get(hub + "/api/v1/me").statusCode()).isEqualTo(401);

        JsonNode audit = new Api(HUB_PORT).get("/api/v1/audit?type=login.sso&userId=" + me.get("id").asString(),
                new Api(HUB_PORT).token("admin", World.ADMIN_PASSWORD)).json();
        assertThat(audit.size()).isEqualTo(1);
    }

    @Test
    void the_providers_access_tokens_work_as_bearer_tokens_on_rest_and_stomp_when_meant_for_the_hub() throws Exception {
        TestBrowser browser = new TestBrowser();
        String token = browser.accessToken(issuer, "relais-cli", "yann");
        Api api = new Api(HUB_PORT);
        JsonNode me = api.get("/api/v1/me", token).json();
        assertThat(me.get("username").asString()).isEqualTo("yann");
        assertThat(me.get("federation").asString()).isEqualTo("75");
        assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly("MEMBER");

        try (LiveClient live = LiveClient.connect(api.ws(), token).subscribeChannel("fed-75")) {
            live.sendAndAwaitReceipt("fed-75", "message signé par le fournisseur d'identité", "sso-" + System.nanoTime());
        }

        String foreign = browser.accessToken(issuer, "other-app", "yann");
        assertThat(api.get("/api/v1/me", foreign).status()).as("a token for another audience is refused").isEqualTo(401);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
