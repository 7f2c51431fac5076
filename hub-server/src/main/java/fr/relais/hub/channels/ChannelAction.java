package fr.relais.hub.channels;

/** What someone wants to do in a channel. */
public enum ChannelAction {
    READ, POST, REACT, MODERATE
}
