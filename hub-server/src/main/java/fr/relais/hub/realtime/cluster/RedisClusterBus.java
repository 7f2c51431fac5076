package fr.relais.hub.realtime.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Redis pub/sub between hub nodes, through Lettuce: one connection publishes (asynchronously: the
 * caller never waits for Redis), one subscribes to {@code relais.cluster.channel} (default
 * {@code relais:events}).
 *
 * @implNote Delivery is best effort: Redis pub/sub forgets what it cannot deliver, for example while
 * a node is disconnected. Lettuce reconnects by itself; on reconnection the registered actions run, and
 * {@link ChannelSequencer} fetches from MongoDB the channel events that crossed meanwhile.
 */
public class RedisClusterBus implements ClusterBus, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RedisClusterBus.class);

    private final String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> publisher;
    private final StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
    private final byte[] channel;
    private final List<Consumer<Envelope>> receivers = new CopyOnWriteArrayList<>();
    private final List<Runnable> reconnectActions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean subscriberUp = new AtomicBoolean();
    private final AtomicBoolean publisherUp = new AtomicBoolean();
    private final Counter published;
    private final Counter publishFailures;
    private final Counter received;
    private final Timer lag;

    public RedisClusterBus(ClusterProperties properties, MeterRegistry registry) {
        this.channel = properties.channel().getBytes(StandardCharsets.UTF_8);
        this.client = RedisClient.create(properties.redisUrl());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .build());
        this.published = Counter.builder("relais.cluster.published").register(registry);
        this.publishFailures = Counter.builder("relais.cluster.publish.failures").register(registry);
        this.received = Counter.builder("relais.cluster.received").register(registry);
        this.lag = Timer.builder("relais.cluster.lag").description("From publication on one node to reception on another")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("relais.cluster.redis.connected", this, b -> b.connected() ? 1 : 0).register(registry);

        client.getResources().eventBus().get().subscribe(event -> {
            if (event instanceof ConnectionActivatedEvent) onActivated();
            else if (event instanceof ConnectionDeactivatedEvent) onDeactivated();
        });
        this.publisher = client.connect(ByteArrayCodec.INSTANCE);
        publisherUp.set(true);
        this.subscriber = client.connectPubSub(ByteArrayCodec.INSTANCE);
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] from, byte[] message) {
                receive(message);
            }
        });
        subscriber.sync().subscribe(channel);
        subscriberUp.set(true);
        log.info("Cluster bus on Redis {} as node {}", properties.redisUrl(), nodeId);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void publish(Envelope envelope) {
        if (!publisher.isOpen()) {
            publishFailures.increment();
            return;
        }
        publisher.async().publish(channel, envelope.encode()).whenComplete((n, e) -> {
            if (e != null) publishFailures.increment();
            else published.increment();
        });
    }

    @Override
    public void onReceive(Consumer<Envelope> receiver) {
        receivers.add(receiver);
    }

    @Override
    public void onReconnect(Runnable action) {
        reconnectActions.add(action);
    }

    @Override
    public boolean connected() {
        return publisher.isOpen() && subscriber.isOpen();
    }

    private void receive(byte[] bytes) {
        Envelope envelope;
        try {
            envelope = Envelope.decode(bytes);
        } catch (RuntimeException e) {
            log.warn("Ignoring an unreadable envelope of {} bytes", bytes.length);
            return;
        }
        if (envelope.origin().equals(nodeId)) return;
        received.increment();
        lag.record(Math.max(0, System.currentTimeMillis() - envelope.publishedAtMillis()), TimeUnit.MILLISECONDS);
        for (Consumer<Envelope> r : receivers) {
            try {
                r.accept(envelope);
            } catch (RuntimeException e) {
                log.error("Cluster receiver failed on a {} envelope", envelope.kind(), e);
            }
        }
    }

    private void onDeactivated() {
        if (subscriberUp.getAndSet(false) | publisherUp.getAndSet(false)) {
            log.warn("Lost the connection to Redis: serving this node's subscribers only until it returns");
        }
    }

    private void onActivated() {
        boolean wasDown = !subscriberUp.getAndSet(true);
        publisherUp.set(true);
        if (wasDown) {
            log.info("Reconnected to Redis: catching up on what crossed nodes meanwhile");
            // Lettuce resubscribes on its own; run the catch-up off Lettuce's event thread.
            Thread.ofPlatform().name("cluster-catch-up").daemon().start(() -> reconnectActions.forEach(Runnable::run));
        }
    }

    @Override
    public void destroy() {
        subscriber.close();
        publisher.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
