package fr.relais.hub.supportline.web;

import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.identity.UserRef;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Who is viewing a ticket: a person views it while one of their connections is subscribed to one of
 * its topics ({@code /topic/support.tickets.<id>} or {@code .staff}). Subscriptions are only counted
 * once the gate has accepted them (Spring publishes the subscribe event after the inbound channel took
 * the frame). When the set of viewers of a ticket changes, {@code {"type":"ticket.viewers","ticketId",
 * "viewers":[user...]}} goes to both ticket topics.
 *
 * @implNote In memory, per node: with several nodes each node knows its own connections; the cross-node
 * layer (Redis) will merge them behind the same event.
 */
@Component
class TicketViewers {
    private record Subscription(String ticketId, String userId, long arrival) {
    }

    /** sessionId → (subscriptionId → subscription). */
    private final Map<String, Map<String, Subscription>> sessions = new ConcurrentHashMap<>();
    private long arrivals;
    private final UserDirectory users;
    private final StompTicketEvents events;

    TicketViewers(UserDirectory users, StompTicketEvents events) {
        this.users = users;
        this.events = events;
    }

    @EventListener
    synchronized void onSubscribe(SessionSubscribeEvent event) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(event.getMessage());
        String ticketId = SupportDestinations.ticketIdOf(headers.getDestination());
        Principal user = event.getUser();
        if (ticketId == null || user == null || headers.getSessionId() == null || headers.getSubscriptionId() == null) return;
        Set<String> before = userIdsOf(ticketId);
        sessions.computeIfAbsent(headers.getSessionId(), s -> new ConcurrentHashMap<>())
                .put(headers.getSubscriptionId(), new Subscription(ticketId, user.getName(), ++arrivals));
        announceIfChanged(ticketId, before);
    }

    @EventListener
    synchronized void onUnsubscribe(SessionUnsubscribeEvent event) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(event.getMessage());
        Map<String, Subscription> subs = headers.getSessionId() == null ? null : sessions.get(headers.getSessionId());
        if (subs == null || headers.getSubscriptionId() == null) return;
        Subscription gone = subs.get(headers.getSubscriptionId());
        if (gone == null) return;
        Set<String> before = userIdsOf(gone.ticketId());
        subs.remove(headers.getSubscriptionId());
        announceIfChanged(gone.ticketId(), before);
    }

    @EventListener
    synchronized void onDisconnect(SessionDisconnectEvent event) {
        Map<String, Subscription> subs = sessions.get(event.getSessionId());
        if (subs == null) return;
        Set<String> tickets = new LinkedHashSet<>();
        subs.values().forEach(s -> tickets.add(s.ticketId()));
        Map<String, Set<String>> before = new LinkedHashMap<>();
        tickets.forEach(t -> before.put(t, userIdsOf(t)));
        sessions.remove(event.getSessionId());
        before.forEach(this::announceIfChanged);
    }

    /** The people viewing the ticket on this node, in the order they arrived. */
    synchronized List<UserRef> viewers(String ticketId) {
        List<UserRef> refs = new ArrayList<>();
        for (String id : userIdsOf(ticketId)) users.findById(id).ifPresent(u -> refs.add(UserRef.of(u)));
        return refs;
    }

    /** Ids of the users viewing the ticket, by their earliest subscription. */
    private Set<String> userIdsOf(String ticketId) {
        Map<String, Long> first = new java.util.HashMap<>();
        sessions.values().forEach(subs -> subs.values().forEach(s -> {
            if (s.ticketId().equals(ticketId)) first.merge(s.userId(), s.arrival(), Math::min);
        }));
        Set<String> ids = new LinkedHashSet<>();
        first.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> ids.add(e.getKey()));
        return ids;
    }

    private void announceIfChanged(String ticketId, Set<String> before) {
        if (before.equals(userIdsOf(ticketId))) return;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "ticket.viewers");
        payload.put("ticketId", ticketId);
        payload.put("viewers", viewers(ticketId));
        events.viewers(ticketId, payload);
    }
}
