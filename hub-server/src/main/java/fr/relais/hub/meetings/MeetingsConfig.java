package fr.relais.hub.meetings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code relais.meetings} and {@code relais.jitsi}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MeetingsProperties.class, JitsiProperties.class})
class MeetingsConfig {
}
