package fr.relais.hub.identity.web;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.infra.security.AccessTokens;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a username and password for a bearer token (scripts, bots, the web client's login form). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {
    private final UserDirectory users;
    private final AccessTokens tokens;

    AuthController(UserDirectory users, AccessTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    record TokenRequest(String username, String password) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @PostMapping("/token")
    TokenResponse token(@RequestBody TokenRequest request) {
        return users.authenticate(request.username(), request.password())
                .map(tokens::issue)
                .map(t -> new TokenResponse(t.accessToken(), "Bearer", t.expiresInSeconds()))
                .orElseThrow(() -> new RelaisException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password"));
    }
}
