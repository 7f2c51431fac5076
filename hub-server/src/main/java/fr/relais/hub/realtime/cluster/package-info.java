/**
 * Several hub nodes behind a load balancer: every real-time event published on one node reaches the
 * subscribers of every other node through Redis pub/sub (Lettuce). MongoDB stays the record; Redis
 * only carries events, so it is allowed to lose some: {@link fr.relais.hub.realtime.cluster.ChannelSequencer}
 * puts channel events back in seq order on each node and repairs gaps from MongoDB, including after a
 * Redis outage. Without {@code REDIS_URL} nothing here is active and the single-node path is unchanged.
 */
package fr.relais.hub.realtime.cluster;
