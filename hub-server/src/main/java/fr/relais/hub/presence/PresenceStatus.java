package fr.relais.hub.presence;

public enum PresenceStatus {
    ONLINE, AWAY, OFFLINE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
