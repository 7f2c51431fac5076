package fr.relais.hub.presence;

import fr.relais.hub.realtime.LocalFanout;
import java.security.Principal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Counts each user's open connections on this node: online from the first, offline after the last
 * (unless they are connected to another node: statuses are combined through the
 * {@link PresenceDirectory}). A user may say "away" (idle tab). Changes go to {@code /topic/presence}
 * as {@code {"type":"presence","userId","status"}}.
 */
@Component
public class PresenceTracker {
    private record State(int connections, PresenceStatus chosen) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final LocalFanout fanout;
    private final PresenceDirectory directory;

    PresenceTracker(LocalFanout fanout, ObjectProvider<PresenceDirectory> directory) {
        this.fanout = fanout;
        this.directory = directory.getIfAvailable(() -> PresenceDirectory.SINGLE_NODE);
    }

    @EventListener
    void onConnected(SessionConnectedEvent event) {
        Principal user = event.getUser();
        if (user == null) return;
        State after = states.compute(user.getName(), (id, s) -> s == null ? new State(1, PresenceStatus.ONLINE)
                : new State(s.connections() + 1, s.chosen()));
        if (after.connections() == 1) changed(user.getName(), after.chosen());
    }

    @EventListener
    void onDisconnected(SessionDisconnectEvent event) {
        Principal user = event.getUser();
        if (user == null) return;
        State after = states.computeIfPresent(user.getName(), (id, s) -> s.connections() <= 1 ? null
                : new State(s.connections() - 1, s.chosen()));
        if (after == null) changed(user.getName(), PresenceStatus.OFFLINE);
    }

    public void choose(String userId, PresenceStatus status) {
        if (status == PresenceStatus.OFFLINE) return;
        State before = states.get(userId);
        if (before == null || before.chosen() == status) return;
        states.computeIfPresent(userId, (id, s) -> new State(s.connections(), status));
        changed(userId, status);
    }

    public PresenceStatus statusOf(String userId) {
        return best(local(userId), directory.elsewhere(List.of(userId)).getOrDefault(userId, PresenceStatus.OFFLINE));
    }

    public Map<String, String> statusesOf(Collection<String> userIds) {
        Map<String, PresenceStatus> elsewhere = directory.elsewhere(userIds);
        Map<String, String> result = new LinkedHashMap<>();
        userIds.forEach(id -> result.put(id, best(local(id), elsewhere.getOrDefault(id, PresenceStatus.OFFLINE)).wireName()));
        return result;
    }

    @Scheduled(fixedDelayString = "${relais.presence.refresh-ms:30000}")
    void refresh() {
        Map<String, PresenceStatus> mine = new HashMap<>();
        states.forEach((id, s) -> mine.put(id, s.chosen()));
        directory.refresh(mine);
    }

    private void changed(String userId, PresenceStatus onThisNode) {
        directory.record(userId, onThisNode);
        PresenceStatus combined = best(onThisNode, directory.elsewhere(List.of(userId)).getOrDefault(userId, PresenceStatus.OFFLINE));
        Map<String, String> event = new LinkedHashMap<>();
        event.put("type", "presence");
        event.put("userId", userId);
        event.put("status", combined.wireName());
        fanout.toTopic("/topic/presence", fanout.serialize(event));
    }

    private PresenceStatus local(String userId) {
        State s = states.get(userId);
        return s == null ? PresenceStatus.OFFLINE : s.chosen();
    }

    private static PresenceStatus best(PresenceStatus a, PresenceStatus b) {
        return a.ordinal() <= b.ordinal() ? a : b; // ONLINE, AWAY, OFFLINE
    }
}
