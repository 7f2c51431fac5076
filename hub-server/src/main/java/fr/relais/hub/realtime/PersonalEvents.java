package fr.relais.hub.realtime;

import org.springframework.stereotype.Component;

/** Notifications for one person, on {@code /user/queue/events} of each of their connections. */
@Component
public class PersonalEvents {
    private final LocalFanout fanout;

    PersonalEvents(LocalFanout fanout) {
        this.fanout = fanout;
    }

    public void send(String userId, Object event) {
        fanout.toUser(userId, "/queue/events", event);
    }
}
