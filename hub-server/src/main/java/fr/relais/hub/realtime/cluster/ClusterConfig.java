package fr.relais.hub.realtime.cluster;

import fr.relais.hub.channels.ChannelStore;
import fr.relais.hub.chat.ChannelEventPublisher;
import fr.relais.hub.chat.ChannelHistory;
import fr.relais.hub.realtime.FanoutShards;
import fr.relais.hub.realtime.LocalFanout;
import fr.relais.hub.realtime.TopicSubscriptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Active only with {@code REDIS_URL} ({@code relais.cluster.redis-url}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
@ConditionalOnExpression("!'${relais.cluster.redis-url:}'.isBlank()")
class ClusterConfig {

    @Bean
    RedisClusterBus clusterBus(ClusterProperties properties, MeterRegistry registry) {
        return new RedisClusterBus(properties, registry);
    }

    @Bean
    @Primary
    ChannelEventPublisher clusterChannelEventPublisher(ClusterBus bus, ClusterProperties properties, LocalFanout fanout,
                                                       FanoutShards shards, TopicSubscriptions subscriptions,
                                                       ChannelHistory history, fr.relais.hub.realtime.ChannelEventListeners listeners,
                                                       ChannelStore channels) {
        return new ClusterChannelEventPublisher(bus, properties, fanout, shards, subscriptions, history, listeners, channels);
    }

    @Bean
    RedisPresenceDirectory presenceDirectory(ClusterProperties properties, ClusterBus bus) {
        RedisPresenceDirectory directory = new RedisPresenceDirectory(properties, bus);
        directory.refresh(java.util.Map.of()); // announce this node
        return directory;
    }

    @Bean
    RedisRateBuckets rateBuckets(ClusterProperties properties) {
        return new RedisRateBuckets(properties);
    }

    @Bean
    @Primary
    ClusterSync clusterSync(ClusterBus bus, org.springframework.context.ApplicationEventPublisher events,
                            fr.relais.hub.channels.ChannelDirectory channels) {
        return new ClusterSync(bus, events, channels);
    }

    @Bean
    ClusterHealthIndicator clusterHealthIndicator(ClusterBus bus) {
        return new ClusterHealthIndicator(bus);
    }
}
