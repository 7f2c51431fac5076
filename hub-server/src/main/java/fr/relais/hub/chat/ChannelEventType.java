package fr.relais.hub.chat;

/** Kinds of stored channel events, with the {@code type} they carry on the wire. */
public enum ChannelEventType {
    MESSAGE_CREATED("message.created"),
    MESSAGE_UPDATED("message.updated"),
    MESSAGE_DELETED("message.deleted"),
    REACTION_CHANGED("reaction.changed");

    private final String wireName;

    ChannelEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ChannelEventType fromWireName(String name) {
        for (ChannelEventType t : values()) if (t.wireName.equals(name)) return t;
        throw new IllegalArgumentException("unknown event type " + name);
    }
}
