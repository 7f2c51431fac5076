package fr.relais.hub.relay;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Blackout windows: the configured ones ({@code relais.relay.blackouts}) and those national staff add
 * over REST. While one is active, due relay items are held (released or rejected by a reviewer
 * afterwards) and {@link BlackoutPolicy} refuses bots' posts in shared channels. Cached per node for 10 s.
 */
@Service
public class Blackouts {
    private final RelayStore store;
    private final RelayProperties properties;
    private final Clock clock;
    private volatile List<Blackout> cached;
    private volatile Instant loadedAt = Instant.EPOCH;

    Blackouts(RelayStore store, RelayProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public List<Blackout> all() {
        List<Blackout> result = new ArrayList<>(properties.configuredBlackouts());
        result.addAll(store.blackouts());
        result.sort(Comparator.comparing(Blackout::from));
        return result;
    }

    public Optional<Blackout> activeAt(Instant now) {
        List<Blackout> list = cached;
        if (list == null || loadedAt.plusSeconds(10).isBefore(Instant.now())) {
            list = all();
            cached = list;
            loadedAt = Instant.now();
        }
        return list.stream().filter(b -> b.activeAt(now)).max(Comparator.comparing(Blackout::to));
    }

    public Optional<Blackout> activeNow() {
        return activeAt(clock.instant());
    }

    public Blackout add(User staff, Instant from, Instant to, String reason) {
        requireStaff(staff);
        if (from == null || to == null || !to.isAfter(from)) throw RelaisException.invalid("to must be after from");
        Blackout b = new Blackout(UUID.randomUUID().toString(), from, to, reason == null ? "" : reason.strip(), staff.id());
        store.insertBlackout(b);
        cached = null;
        return b;
    }

    public void delete(User staff, String id) {
        requireStaff(staff);
        if (!store.deleteBlackout(id)) throw new RelaisException(ErrorCode.NOT_FOUND, "No such blackout (configured ones are changed in the configuration)");
        cached = null;
    }

    private static void requireStaff(User user) {
        if (!user.isStaff()) throw RelaisException.forbidden("Only national staff manage blackout windows");
    }
}
