package fr.relais.hub.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Persistence port of the audit log (append and read only). */
public interface AuditStore {
    void append(AuditEntry entry);

    /** Newest first, optionally of one type and/or about one subject or by one actor. */
    List<AuditEntry> find(@Nullable String type, @Nullable String userId, int limit);

    String newId();
}
