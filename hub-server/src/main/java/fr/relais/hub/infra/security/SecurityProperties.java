package fr.relais.hub.infra.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tokenSecret     base64 HS256 key for the hub's access tokens; empty = generated once and kept in MongoDB
 * @param tokenTtl        lifetime of an access token
 * @param allowedOrigins  origins allowed to open the WebSocket from a browser (Origin header check)
 * @param adminUsername   the national admin created on first start ({@code RELAIS_ADMIN_USERNAME})
 * @param adminPassword   its password ({@code RELAIS_ADMIN_PASSWORD}); empty = generated and logged once
 */
@ConfigurationProperties("relais.security")
public record SecurityProperties(String tokenSecret, Duration tokenTtl, List<String> allowedOrigins,
                                 String adminUsername, String adminPassword) {
    public SecurityProperties {
        if (tokenTtl == null) tokenTtl = Duration.ofHours(12);
        if (allowedOrigins == null || allowedOrigins.isEmpty()) allowedOrigins = List.of("http://localhost:8080");
        if (adminUsername == null || adminUsername.isBlank()) adminUsername = "admin";
    }
}
