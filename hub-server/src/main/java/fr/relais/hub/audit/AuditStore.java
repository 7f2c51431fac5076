package fr.relais.hub.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Persistence port of the audit log (append and read; entries are only ever deleted by age). */
public interface AuditStore {
    void append(AuditEntry entry);

    /** Newest first, optionally of one type and/or about one subject or by one actor. */
    List<AuditEntry> find(@Nullable String type, @Nullable String userId, int limit);

    String newId();

    /** Deletes the entries recorded before {@code bound}; returns how many. */
    long deleteBefore(Instant bound);
}
