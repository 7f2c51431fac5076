package fr.relais.hub.audit.web;

import fr.relais.hub.audit.AuditEntry;
import fr.relais.hub.audit.AuditLog;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the security audit log, for national admins only. */
@RestController
class AuditController {
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    List<AuditEntry> entries(@AuthenticationPrincipal User me, @RequestParam(required = false) String type,
                             @RequestParam(required = false) String userId, @RequestParam(defaultValue = "100") int limit) {
        if (!me.has(Role.NATIONAL_ADMIN)) throw RelaisException.forbidden("Only national admins read the audit log");
        return audit.find(type, userId, limit);
    }
}
