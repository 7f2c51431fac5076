package fr.relais.hub.channels;

/** The kinds of channel; the kind decides who may read without being an explicit member. */
public enum ChannelKind {
    /** One per federation: its members, plus HQ staff and national admins. */
    FEDERATION,
    /** National thematic channels (Riposte numérique, Visuels...): every member of the party. */
    NATIONAL,
    /** Private group: explicit members only; invisible to everybody else. */
    PRIVATE,
    /** Direct message between a few people: its participants only. */
    DIRECT
}
