package fr.relais.hub.realtime.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code cluster} in {@code /actuator/health}. Without Redis a node still serves its own subscribers,
 * so losing Redis reports {@code DEGRADED} (HTTP 200: the load balancer keeps the node) rather than DOWN.
 */
class ClusterHealthIndicator implements HealthIndicator {
    static final Status DEGRADED = new Status("DEGRADED", "Redis unreachable: events do not cross nodes");

    private final ClusterBus bus;

    ClusterHealthIndicator(ClusterBus bus) {
        this.bus = bus;
    }

    @Override
    public Health health() {
        return bus.connected()
                ? Health.up().withDetail("node", bus.nodeId()).build()
                : Health.status(DEGRADED).withDetail("node", bus.nodeId()).build();
    }
}
