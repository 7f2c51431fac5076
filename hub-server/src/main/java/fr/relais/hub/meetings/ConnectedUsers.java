package fr.relais.hub.meetings;

import java.util.Set;

/** Ids of the people connected over STOMP to this node (implemented in {@code web/}). */
public interface ConnectedUsers {
    Set<String> userIds();
}
