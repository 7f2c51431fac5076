package fr.relais.hub.identity.web;

import fr.relais.hub.audit.AuditLog;
import fr.relais.hub.identity.Invitations;
import fr.relais.hub.identity.OneTimeToken;
import fr.relais.hub.identity.User;
import fr.relais.hub.infra.security.RateLimits;
import fr.relais.hub.infra.security.SecurityProperties;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitation links: national admins invite anyone; federation coordinators invite members and
 * sympathisants into their own federation. The link's token is in the creation response only.
 * Accepting is public: {@code POST /api/v1/auth/invitation}.
 */
@RestController
class InvitationController {
    private final Invitations invitations;
    private final SecurityProperties properties;
    private final RateLimits limits;
    private final AuditLog audit;

    InvitationController(Invitations invitations, SecurityProperties properties, RateLimits limits, AuditLog audit) {
        this.invitations = invitations;
        this.properties = properties;
        this.limits = limits;
        this.audit = audit;
    }

    record InviteRequest(String federation, List<String> roles) {
    }

    record InvitationResponse(String id, String token, String federation, List<String> roles, String expiresAt, String usedAt) {
        static InvitationResponse of(OneTimeToken t, String secret) {
            return new InvitationResponse(t.id(), secret, t.federation(), t.roles().stream().map(Enum::name).sorted().toList(),
                    t.expiresAt().toString(), t.usedAt() == null ? null : t.usedAt().toString());
        }
    }

    @PostMapping("/api/v1/invitations")
    ResponseEntity<?> invite(@AuthenticationPrincipal User me, @RequestBody InviteRequest body) {
        OptionalLong wait = limits.tryCreateToken(me.id());
        if (wait.isPresent()) return AuthController.tooMany(wait.getAsLong(), "Too many invitations; wait before sending more");
        Invitations.Issued issued = invitations.invite(me, body.federation(), UserController.roles(body.roles()),
                properties.invitationTtl());
        audit.record(AuditLog.INVITATION_CREATED, me.id(), issued.token().id(), "federation", issued.token().federation(),
                "roles", String.join(",", issued.token().roles().stream().map(Enum::name).sorted().toList()));
        return ResponseEntity.status(HttpStatus.CREATED).body(InvitationResponse.of(issued.token(), issued.secret()));
    }

    /** The invitations the caller sent (without their tokens). */
    @GetMapping("/api/v1/invitations")
    List<InvitationResponse> sent(@AuthenticationPrincipal User me) {
        return invitations.sentBy(me).stream().map(t -> InvitationResponse.of(t, null)).toList();
    }
}
