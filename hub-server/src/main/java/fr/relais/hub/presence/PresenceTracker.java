package fr.relais.hub.presence;

import fr.relais.hub.realtime.LocalFanout;
import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Counts each user's open connections on this node: online from the first, offline after the last.
 * A user may say "away" (idle tab). Changes go to {@code /topic/presence} as
 * {@code {"type":"presence","userId","status"}}.
 */
@Component
public class PresenceTracker {
    private record State(int connections, PresenceStatus chosen) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final LocalFanout fanout;

    PresenceTracker(LocalFanout fanout) {
        this.fanout = fanout;
    }

    @EventListener
    void onConnected(SessionConnectedEvent event) {
        Principal user = event.getUser();
        if (user == null) return;
        State after = states.compute(user.getName(), (id, s) -> s == null ? new State(1, PresenceStatus.ONLINE)
                : new State(s.connections() + 1, s.chosen()));
        if (after.connections() == 1) broadcast(user.getName(), after.chosen());
    }

    @EventListener
    void onDisconnected(SessionDisconnectEvent event) {
        Principal user = event.getUser();
        if (user == null) return;
        State after = states.computeIfPresent(user.getName(), (id, s) -> s.connections() <= 1 ? null
                : new State(s.connections() - 1, s.chosen()));
        if (after == null) broadcast(user.getName(), PresenceStatus.OFFLINE);
    }

    public void choose(String userId, PresenceStatus status) {
        if (status == PresenceStatus.OFFLINE) return;
        State before = states.get(userId);
        if (before == null || before.chosen() == status) return;
        states.computeIfPresent(userId, (id, s) -> new State(s.connections(), status));
        broadcast(userId, status);
    }

    public PresenceStatus statusOf(String userId) {
        State s = states.get(userId);
        return s == null ? PresenceStatus.OFFLINE : s.chosen();
    }

    public Map<String, String> statusesOf(Collection<String> userIds) {
        Map<String, String> result = new LinkedHashMap<>();
        userIds.forEach(id -> result.put(id, statusOf(id).wireName()));
        return result;
    }

    private void broadcast(String userId, PresenceStatus status) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("type", "presence");
        event.put("userId", userId);
        event.put("status", status.wireName());
        fanout.toTopic("/topic/presence", fanout.serialize(event));
    }
}
