package fr.relais.hub.channels;

/** What someone wants to do in a channel (each implies READ; ADMIN implies MODERATE). */
public enum ChannelAction {
    /** See the channel, its history and its live events (REST, SUBSCRIBE, search). */
    READ,
    /** Write a message (REST or SEND). */
    POST,
    /** Add or remove a reaction. */
    REACT,
    /** Delete or pin others' messages, exclude a person under the charter. */
    MODERATE,
    /** Change the channel itself and its membership. */
    ADMIN
}
