package fr.relais.hub.bots;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code relais.bots}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotsProperties.class)
class BotsConfig {
}
