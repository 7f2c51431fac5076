package fr.relais.hub.presence;

import java.util.Collection;
import java.util.Map;

/**
 * Presence shared between hub nodes. A node records the status of the people connected to it; a
 * look-up combines every node's answer. The single-node implementation has nothing to share.
 */
public interface PresenceDirectory {
    /** This node's status for the user; OFFLINE when their last connection here closed. */
    void record(String userId, PresenceStatus onThisNode);

    /** Re-asserts this node's statuses (they expire if a node dies without saying so). */
    void refresh(Map<String, PresenceStatus> onThisNode);

    /** The best status of each user on the other nodes (ONLINE over AWAY over OFFLINE). */
    Map<String, PresenceStatus> elsewhere(Collection<String> userIds);

    PresenceDirectory SINGLE_NODE = new PresenceDirectory() {
        @Override
        public void record(String userId, PresenceStatus onThisNode) {
        }

        @Override
        public void refresh(Map<String, PresenceStatus> onThisNode) {
        }

        @Override
        public Map<String, PresenceStatus> elsewhere(Collection<String> userIds) {
            return Map.of();
        }
    };
}
