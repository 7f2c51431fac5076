package fr.relais.hub.realtime.cluster;

import fr.relais.hub.channels.ChannelChanged;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.channels.ExclusionLifted;
import fr.relais.hub.identity.AccessRevocations;
import fr.relais.hub.identity.AccessRevoked;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Keeps the nodes' caches and access decisions in step: revocations (sessions, deactivations, role
 * changes, exclusions) are delivered as application events on every node — so live connections on any
 * node close within the second — and a channel changed on one node is re-read by the others, as is an
 * exclusion lifted on one node (every node keeps the exclusions in memory).
 */
class ClusterSync implements AccessRevocations {
    private static final String REVOKED = "access.revoked";
    private static final String CHANNEL_CHANGED = "channel.changed";
    private static final String EXCLUSION_LIFTED = "exclusion.lifted";

    private final ClusterBus bus;
    private final ApplicationEventPublisher events;
    private final ChannelDirectory channels;

    ClusterSync(ClusterBus bus, ApplicationEventPublisher events, ChannelDirectory channels) {
        this.bus = bus;
        this.events = events;
        this.channels = channels;
        bus.onReceive(envelope -> {
            if (envelope.kind() != Envelope.Kind.CONTROL) return;
            String payload = new String(envelope.payload(), StandardCharsets.UTF_8);
            switch (envelope.key()) {
                case REVOKED -> events.publishEvent(decode(payload));
                case CHANNEL_CHANGED -> channels.refresh(payload);
                case EXCLUSION_LIFTED -> {
                    String[] lifted = payload.split("\\|", 2);
                    events.publishEvent(new ExclusionLifted(lifted[0], lifted[1], true));
                }
                default -> { }
            }
        });
    }

    @Override
    public void publish(AccessRevoked event) {
        events.publishEvent(event);
        send(REVOKED, encode(event));
    }

    @EventListener
    void onChannelChanged(ChannelChanged event) {
        send(CHANNEL_CHANGED, event.channelId());
    }

    /** {@code channelId|userId}: ids never contain '|'. Lifts heard from another node are not sent back. */
    @EventListener
    void onExclusionLifted(ExclusionLifted event) {
        if (!event.onAnotherNode()) send(EXCLUSION_LIFTED, event.channelId() + "|" + event.userId());
    }

    private void send(String type, String payload) {
        bus.publish(new Envelope(Envelope.Kind.CONTROL, bus.nodeId(), System.currentTimeMillis(), type, 0, "",
                payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code kind|userId|detail}: ids never contain '|'. */
    static String encode(AccessRevoked event) {
        return switch (event) {
            case AccessRevoked.SessionRevoked s -> "session|" + s.userId() + "|" + s.sessionId();
            case AccessRevoked.UserDeactivated d -> "deactivated|" + d.userId() + "|";
            case AccessRevoked.RolesChanged r -> "roles|" + r.userId() + "|";
            case AccessRevoked.MemberExcluded x -> "excluded|" + x.userId() + "|" + x.channelId();
        };
    }

    static AccessRevoked decode(String payload) {
        String[] p = payload.split("\\|", 3);
        return switch (p[0]) {
            case "session" -> new AccessRevoked.SessionRevoked(p[1], p[2]);
            case "deactivated" -> new AccessRevoked.UserDeactivated(p[1]);
            case "roles" -> new AccessRevoked.RolesChanged(p[1]);
            case "excluded" -> new AccessRevoked.MemberExcluded(p[1], p[2]);
            default -> throw new IllegalArgumentException("unknown revocation " + p[0]);
        };
    }
}
