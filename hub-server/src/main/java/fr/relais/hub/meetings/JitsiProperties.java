package fr.relais.hub.meetings;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The party's Jitsi Meet ({@code relais.jitsi}). Empty {@code domain} means "no Jitsi": meetings work,
 * joining answers {@code jitsi_not_configured}.
 *
 * @param domain     the Jitsi host, e.g. {@code visio.example.org} (JaaS: {@code 8x8.vc})
 * @param deployment {@code self-hosted} (prosody token authentication) or {@code jaas} (8x8 Jitsi as a Service)
 * @param appId      the token issuer ({@code iss}) of a self-hosted Jitsi ({@code app_id} in prosody);
 *                   for JaaS the tenant ({@code vpaas-magic-cookie-...}), sent as {@code sub}
 * @param appSecret  HS256 key ({@code app_secret} in prosody), at least 32 characters
 * @param privateKey RS256 private key, PKCS#8 PEM (JaaS; or self-hosted with public-key verification);
 *                   when set it is used instead of the secret
 * @param keyId      the {@code kid} header (JaaS: {@code <tenant>/<key id>})
 * @param audience   {@code aud}; Jitsi expects {@code jitsi}
 * @param tenant     {@code sub} when the deployment serves several tenants; default: the domain (JaaS: the app id)
 * @param tokenTtl   lifetime of a token (short: it travels in the room URL)
 * @param avatarUrl  optional avatar URL pattern, {@code {userId}} replaced; empty = no avatar
 */
@ConfigurationProperties("relais.jitsi")
public record JitsiProperties(String domain, String deployment, String appId, String appSecret, String privateKey,
                              String keyId, String audience, String tenant, Duration tokenTtl, String avatarUrl) {
    public JitsiProperties {
        domain = blankToEmpty(domain).replaceFirst("^https?://", "").replaceAll("/+$", "");
        deployment = blankToEmpty(deployment).isEmpty() ? "self-hosted" : deployment.trim().toLowerCase(Locale.ROOT);
        appId = blankToEmpty(appId);
        appSecret = blankToEmpty(appSecret);
        privateKey = blankToEmpty(privateKey);
        keyId = blankToEmpty(keyId);
        audience = blankToEmpty(audience).isEmpty() ? "jitsi" : audience.trim();
        tenant = blankToEmpty(tenant);
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) tokenTtl = Duration.ofMinutes(15);
        avatarUrl = blankToEmpty(avatarUrl);
    }

    public boolean configured() {
        return !domain.isEmpty();
    }

    public boolean jaas() {
        return "jaas".equals(deployment);
    }

    /** {@code iss}: the app id (self-hosted) or {@code chat} (JaaS). */
    String issuer() {
        return jaas() ? "chat" : appId;
    }

    /** {@code sub}: the tenant if set, else the domain (self-hosted) or the app id (JaaS). */
    String subject() {
        if (!tenant.isEmpty()) return tenant;
        return jaas() ? appId : domain;
    }

    /** The room name given to the IFrame API and used in URLs (JaaS prefixes the tenant). */
    String roomPath(String room) {
        return jaas() ? appId + "/" + room : room;
    }

    /** Where the IFrame API script is loaded from. */
    public String externalApiUrl() {
        return "https://" + domain + "/" + (jaas() ? appId + "/" : "") + "external_api.js";
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
