package fr.relais.hub.supportline;

import java.util.Locale;

/**
 * How soon a ticket must be handled. The requester's urgency sets the first priority; staff may change
 * it. Each priority has its own response-time targets ({@link SupportProperties#targets()}).
 */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Higher is more pressing (for sorting). */
    public int rank() {
        return ordinal();
    }

    public static Priority parse(String value) {
        if (value == null) throw new IllegalArgumentException("priority is required");
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
