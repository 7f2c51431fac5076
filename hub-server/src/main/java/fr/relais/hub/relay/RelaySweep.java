package fr.relais.hub.relay;

import fr.relais.hub.bots.Bot;
import fr.relais.hub.bots.BotAccounts;
import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.chat.MessageSender;
import fr.relais.hub.chat.PostRequest;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.realtime.PersonalEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code relais.relay.sweep-every}, on every node:
 * <ol>
 *   <li>SCHEDULED items whose time has come become DUE (and relay bots get a {@code relay.due} personal
 *       event), or HELD when a blackout window is active. The change is a compare-and-set on the item's
 *       version, so it happens once whatever the number of nodes.</li>
 *   <li>Consignes past their deadline: for each target federation that has not acknowledged, three steps,
 *       each claimed once across nodes in {@code relay_claims} ({@code itemId|federation|step}): a reminder
 *       in the federation's channel at the deadline, a direct message to its coordinators after
 *       {@code dm-after}, an alert to HQ after {@code hq-after} (board event, and a post in
 *       {@code hq-channel} if configured). Posts are written by a relay bot with clientMessageIds derived
 *       from the claim, so a step retried after a crash is stored once.</li>
 * </ol>
 */
@Component
public class RelaySweep {
    private static final Logger log = LoggerFactory.getLogger(RelaySweep.class);
    public static final List<String> STEPS = List.of("reminder", "dm", "hq");

    private final RelayStore store;
    private final RelayWorkflow workflow;
    private final Blackouts blackouts;
    private final BotAccounts bots;
    private final UserDirectory users;
    private final ChannelDirectory channels;
    private final ChannelAccess access;
    private final MessageSender sender;
    private final PersonalEvents personal;
    private final RelayTopic topic;
    private final RelayProperties properties;
    private final Clock clock;

    RelaySweep(RelayStore store, RelayWorkflow workflow, Blackouts blackouts, BotAccounts bots, UserDirectory users,
               ChannelDirectory channels, ChannelAccess access, MessageSender sender, PersonalEvents personal, RelayTopic topic,
               RelayProperties properties, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.blackouts = blackouts;
        this.bots = bots;
        this.users = users;
        this.channels = channels;
        this.access = access;
        this.sender = sender;
        this.personal = personal;
        this.topic = topic;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a sweep did (for tests and logs). */
    public record Report(int due, int held, int escalations) {
    }

    @Scheduled(fixedDelayString = "${relais.relay.sweep-every:PT30S}", initialDelayString = "${relais.relay.sweep-every:PT30S}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.error("Relay sweep failed; next attempt in {}", properties.sweepEvery(), e);
        }
    }

    /** One pass at the hub clock's current time. Safe to run concurrently on any number of nodes. */
    public Report sweep() {
        Instant now = clock.instant();
        int due = 0, held = 0, escalations = 0;
        Optional<Blackout> blackout = blackouts.activeAt(now);
        for (RelayItem item : store.findScheduledBefore(now, 100)) {
            RelayItem after = workflow.change(item.id(), i -> {
                if (i.status() != RelayItem.Status.SCHEDULED || i.scheduledAt() == null || i.scheduledAt().isAfter(now)) return i;
                return blackout.isPresent()
                        ? i.next(RelayItem.Status.HELD, system("held", "blackout until " + blackout.get().to()
                        + (blackout.get().reason().isEmpty() ? "" : ": " + blackout.get().reason()), now), now)
                        : i.next(RelayItem.Status.DUE, system("due", null, now), now);
            });
            if (after.version() == item.version()) continue;
            if (after.status() == RelayItem.Status.HELD) held++;
            if (after.status() == RelayItem.Status.DUE) {
                due++;
                for (Bot b : bots.withCapability(Bot.Capability.RELAY)) {
                    personal.send(b.id(), Map.of("type", "relay.due", "itemId", after.id()));
                }
            }
        }
        for (RelayItem item : store.findConsignesPastDeadline(now, Duration.ofDays(14), 100)) {
            escalations += escalate(item, now);
        }
        return new Report(due, held, escalations);
    }

    private int escalate(RelayItem item, Instant now) {
        RelayItem.Consigne consigne = item.consigne();
        Set<String> acked = store.acks(item.id()).stream().filter(a -> a.state().satisfies(consigne.requires()))
                .map(Ack::federation).collect(Collectors.toSet());
        Bot bot = bots.withCapability(Bot.Capability.RELAY).stream().findFirst().orElse(null);
        User botUser = bot == null ? null : users.findById(bot.id()).orElse(null);
        int count = 0;
        for (String channelId : item.channelIds()) {
            String federation = channelId.substring("fed-".length()).toUpperCase(java.util.Locale.ROOT);
            if (acked.contains(federation)) continue;
            for (String step : STEPS) {
                Instant dueAt = switch (step) {
                    case "reminder" -> consigne.deadline();
                    case "dm" -> consigne.deadline().plus(properties.dmAfter());
                    default -> consigne.deadline().plus(properties.hqAfter());
                };
                if (dueAt.isAfter(now)) break;
                String key = item.id() + "|" + federation + "|" + step;
                if (!store.claim(key, item.id(), federation, step, now, properties.claimRetryAfter())) continue;
                try {
                    act(item, channelId, federation, step, botUser);
                    store.claimDone(key, now);
                    topic.publish("consigne.escalated", "itemId", item.id(), "federation", federation, "stage", step);
                    count++;
                } catch (RuntimeException e) {
                    log.warn("Consigne step {} for {} in {} failed; retried after {}", step, item.id(), federation,
                            properties.claimRetryAfter(), e);
                }
            }
        }
        return count;
    }

    private void act(RelayItem item, String channelId, String federation, String step, User botUser) {
        String excerpt = item.text().length() > 120 ? item.text().substring(0, 120) + "…" : item.text();
        String verb = item.consigne().requires() == RelayItem.AckState.RELAYED ? "relaye" : "lu";
        String base = "csg-" + item.id() + "-" + federation.toLowerCase(java.util.Locale.ROOT) + "-";
        switch (step) {
            case "reminder" -> {
                if (botUser == null) return;
                post(botUser, channelId, "⏰ **Rappel de consigne** — « " + excerpt + " »\nMerci d'accuser réception : `/relais "
                        + verb + " " + item.id() + "`", base + "rem");
            }
            case "dm" -> {
                if (botUser == null) return;
                for (User coordinator : users.findByFederation(federation, 500)) {
                    if (!coordinator.active() || !coordinator.has(Role.FEDERATION_COORDINATOR)) continue;
                    Channel dm = channels.openDirect(botUser, Set.of(coordinator.id()));
                    post(botUser, dm.id(), "Bonjour " + coordinator.displayName() + ", la fédération " + federation
                            + " n'a pas encore accusé réception de la consigne « " + excerpt + " ». `/relais " + verb + " "
                            + item.id() + "`", base + "dm");
                }
            }
            default -> {
                if (botUser == null || properties.hqChannel().isBlank()) return;
                Channel hq = channels.find(properties.hqChannel()).orElse(null);
                if (hq == null || !access.allows(botUser, hq, ChannelAction.POST)) return;
                post(botUser, hq.id(), "🚩 La fédération " + federation + " n'a pas accusé réception de la consigne « "
                        + excerpt + " » (échéance dépassée).", base + "hq");
            }
        }
    }

    private void post(User bot, String channelId, String text, String clientMessageId) {
        try {
            sender.post(bot, channelId, new PostRequest(text, clientMessageId, null)).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("post timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RelayItem.Entry system(String action, String comment, Instant at) {
        return new RelayItem.Entry(at, "system", "relais", action, comment);
    }

}
