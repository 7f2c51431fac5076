package fr.relais.hub.meetings;

import java.util.Locale;

/** An invitee's answer to one occurrence. */
public enum RsvpAnswer {
    YES, NO, MAYBE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RsvpAnswer fromWireName(String value) {
        if (value != null) {
            for (RsvpAnswer a : values()) if (a.wireName().equalsIgnoreCase(value.trim())) return a;
        }
        throw fr.relais.hub.common.RelaisException.invalid("answer must be yes, no or maybe");
    }
}
