package fr.relais.hub.relay;

import fr.relais.hub.bots.Bot;
import fr.relais.hub.bots.BotAccounts;
import fr.relais.hub.bots.CommandInvocation;
import fr.relais.hub.bots.SlashCommands;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.federations.Federation;
import fr.relais.hub.federations.FederationCatalog;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The review workflow: propose → (request changes → edit)* → approve (scheduled into the next prime-time
 * slot, or a chosen time) or reject; held items (blackout) are released or rejected. Every change reads
 * the item, computes the next version and writes it with a compare-and-set; a concurrent change makes the
 * loser re-read and decide again (so two reviewers cannot both approve).
 */
@Service
public class RelayWorkflow {
    private static final int MAX_TEXT = 3000;

    private final RelayStore store;
    private final RelayAccess access;
    private final FederationCatalog federations;
    private final UserDirectory users;
    private final BotAccounts bots;
    private final SlashCommands commands;
    private final RelayTopic topic;
    private final RelayProperties properties;
    private final Clock clock;

    RelayWorkflow(RelayStore store, RelayAccess access, FederationCatalog federations, UserDirectory users, BotAccounts bots,
                  SlashCommands commands, RelayTopic topic, RelayProperties properties, Clock clock) {
        this.store = store;
        this.access = access;
        this.federations = federations;
        this.users = users;
        this.bots = bots;
        this.commands = commands;
        this.topic = topic;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a proposer writes. {@code target} null = all federations. */
    public record Draft(String text, @Nullable List<String> visuals, @Nullable List<String> links,
                        RelayItem.@Nullable Target target, @Nullable Instant wishedAt) {
    }

    public record Approval(@Nullable Instant at, RelayItem.@Nullable AckState consigneRequires, @Nullable Instant consigneDeadline) {
    }

    public RelayItem propose(User author, Draft draft) {
        if (!access.mayPropose(author)) throw RelaisException.forbidden("Bots propose on behalf of a command's caller (invocationId)");
        Draft d = check(draft);
        Instant now = clock.instant();
        RelayItem item = new RelayItem(store.newId(), author.id(), author.username(), author.federation(), d.text(),
                d.visuals(), d.links(), d.target(), d.wishedAt(), RelayItem.Status.PROPOSED, null, null, List.of(),
                List.of(new RelayItem.Entry(now, author.id(), author.username(), "proposed", null)), now, now, 1);
        store.insert(item);
        topic.itemChanged(item);
        return item;
    }

    /** A relay bot proposes what a person typed in {@code /proposer}: the invocation's caller is the author. */
    public RelayItem proposeFor(User botUser, String invocationId, Draft draft) {
        return propose(callerOf(botUser, invocationId), draft);
    }

    /** The person who invoked a command of this relay bot. */
    public User callerOf(User botUser, String invocationId) {
        Bot bot = bots.requireSelf(botUser);
        if (!bot.can(Bot.Capability.RELAY)) throw RelaisException.forbidden("This bot has no RELAY capability");
        CommandInvocation invocation = commands.find(botUser, invocationId);
        return users.findById(invocation.callerId()).filter(User::active)
                .orElseThrow(() -> RelaisException.forbidden("The command's caller is no longer active"));
    }

    public RelayItem find(User user, String id) {
        return access.requireVisible(user, require(id));
    }

    /** Items the reviewer may review in these statuses, oldest first; or the caller's own proposals ({@code mine}). */
    public List<RelayItem> list(User user, Set<RelayItem.Status> statuses, boolean mine) {
        if (mine) return store.findByAuthor(user.id(), 200).stream().filter(i -> statuses.contains(i.status())).toList();
        if (!access.isReviewer(user)) throw RelaisException.forbidden("Only reviewers see the review queue");
        return store.findByStatus(statuses, 500).stream().filter(i -> access.mayReview(user, i)).toList();
    }

    public RelayItem edit(User author, String id, Draft draft) {
        Draft d = check(draft);
        return change(id, item -> {
            if (!item.authorId().equals(author.id())) throw RelaisException.forbidden("Only the author edits a proposal");
            requireStatus(item, RelayItem.Status.PROPOSED, RelayItem.Status.CHANGES_REQUESTED);
            return item.edited(d.text(), d.visuals(), d.links(), d.target(), d.wishedAt())
                    .next(RelayItem.Status.PROPOSED, entry(author, "edited", null), clock.instant());
        });
    }

    public RelayItem comment(User user, String id, String text) {
        String comment = requireComment(text);
        return change(id, item -> {
            access.requireVisible(user, item);
            return item.next(item.status(), entry(user, "commented", comment), clock.instant());
        });
    }

    public RelayItem requestChanges(User reviewer, String id, String text) {
        String comment = requireComment(text);
        return change(id, item -> {
            access.requireReview(reviewer, item);
            requireStatus(item, RelayItem.Status.PROPOSED);
            return item.next(RelayItem.Status.CHANGES_REQUESTED, entry(reviewer, "changes_requested", comment), clock.instant());
        });
    }

    public RelayItem approve(User reviewer, String id, Approval approval) {
        return change(id, item -> {
            access.requireReview(reviewer, item);
            requireStatus(item, RelayItem.Status.PROPOSED);
            Instant now = clock.instant();
            Instant when = when(approval.at(), item.wishedAt(), now);
            RelayItem.Consigne consigne = null;
            if (approval.consigneRequires() != null) {
                if (!reviewer.isStaff()) throw RelaisException.forbidden("Only HQ makes a relay a consigne");
                Instant deadline = approval.consigneDeadline() == null ? when.plus(properties.defaultConsigneWindow()) : approval.consigneDeadline();
                if (!deadline.isAfter(when)) throw RelaisException.invalid("the consigne's deadline must be after the relay time");
                consigne = new RelayItem.Consigne(approval.consigneRequires(), deadline);
            }
            return item.scheduled(when, channelsOf(item.target()), consigne)
                    .next(RelayItem.Status.SCHEDULED, entry(reviewer, "approved", "scheduled at " + when), now);
        });
    }

    public RelayItem reject(User reviewer, String id, @Nullable String text) {
        return change(id, item -> {
            access.requireReview(reviewer, item);
            requireStatus(item, RelayItem.Status.PROPOSED, RelayItem.Status.CHANGES_REQUESTED, RelayItem.Status.SCHEDULED,
                    RelayItem.Status.HELD);
            return item.next(RelayItem.Status.REJECTED, entry(reviewer, "rejected", text == null || text.isBlank() ? null : text.strip()), clock.instant());
        });
    }

    /** A held item goes out again: at the given time, or the next prime-time slot after now (and after any active blackout). */
    public RelayItem release(User reviewer, String id, @Nullable Instant at) {
        return change(id, item -> {
            access.requireReview(reviewer, item);
            requireStatus(item, RelayItem.Status.HELD);
            Instant now = clock.instant();
            Instant when = when(at, null, now);
            return item.scheduled(when, item.channelIds(), item.consigne())
                    .next(RelayItem.Status.SCHEDULED, entry(reviewer, "released", "scheduled at " + when), now);
        });
    }

    private Instant when(@Nullable Instant chosen, @Nullable Instant wished, Instant now) {
        if (chosen != null) return chosen.isBefore(now) ? now : chosen;
        Instant notBefore = wished != null && wished.isAfter(now) ? wished : now;
        return new PrimeTimeSlots(properties.slots(), properties.timeZone()).next(notBefore);
    }

    List<String> channelsOf(RelayItem.Target target) {
        List<String> result = new ArrayList<>();
        for (Federation f : federations.all()) {
            boolean in = switch (target.kind()) {
                case ALL -> true;
                case REGION -> f.region().equalsIgnoreCase(target.region());
                case LIST -> target.federations().stream().anyMatch(code -> code.equalsIgnoreCase(f.code()));
            };
            if (in) result.add(f.channelId());
        }
        return result;
    }

    RelayItem require(String id) {
        return store.find(id).orElseThrow(() -> new RelaisException(ErrorCode.RELAY_ITEM_NOT_FOUND, "No such relay item"));
    }

    /** Compare-and-set loop: re-reads and decides again when another change landed first; returning the item unchanged writes nothing. */
    RelayItem change(String id, Function<RelayItem, RelayItem> decide) {
        for (int attempt = 0; attempt < 10; attempt++) {
            RelayItem current = require(id);
            RelayItem next = decide.apply(current);
            if (next == current) return current; // nothing to change
            if (store.replace(next)) {
                topic.itemChanged(next);
                return next;
            }
        }
        throw new RelaisException(ErrorCode.CONFLICT, "The item keeps changing; try again");
    }

    private static void requireStatus(RelayItem item, RelayItem.Status... allowed) {
        if (!EnumSet.copyOf(List.of(allowed)).contains(item.status())) {
            throw new RelaisException(ErrorCode.RELAY_INVALID_TRANSITION, "Not possible while the item is " + item.status());
        }
    }

    private RelayItem.Entry entry(User user, String action, @Nullable String comment) {
        return new RelayItem.Entry(clock.instant(), user.id(), user.username(), action, comment);
    }

    private static String requireComment(String text) {
        if (text == null || text.isBlank()) throw new RelaisException(ErrorCode.TEXT_EMPTY, "The comment is empty");
        if (text.length() > 2000) throw new RelaisException(ErrorCode.TEXT_TOO_LONG, "The comment is longer than 2000 characters");
        return text.strip();
    }

    private Draft check(Draft d) {
        if (d.text() == null || d.text().isBlank()) throw new RelaisException(ErrorCode.TEXT_EMPTY, "The text is empty");
        if (d.text().length() > MAX_TEXT) throw new RelaisException(ErrorCode.TEXT_TOO_LONG, "The text is longer than " + MAX_TEXT + " characters");
        List<String> visuals = urls(d.visuals(), "visuals");
        List<String> links = urls(d.links(), "links");
        RelayItem.Target target = d.target() == null ? new RelayItem.Target(RelayItem.TargetKind.ALL, null, List.of()) : d.target();
        switch (target.kind()) {
            case REGION -> {
                if (target.region() == null || federations.all().stream().noneMatch(f -> f.region().equalsIgnoreCase(target.region()))) {
                    throw RelaisException.invalid("unknown region: " + target.region());
                }
            }
            case LIST -> {
                if (target.federations().isEmpty()) throw RelaisException.invalid("a LIST target names at least one federation");
                for (String code : target.federations()) {
                    if (federations.all().stream().noneMatch(f -> f.code().equalsIgnoreCase(code))) throw RelaisException.invalid("unknown federation: " + code);
                }
            }
            case ALL -> { }
        }
        return new Draft(d.text().strip(), visuals, links, target, d.wishedAt());
    }

    private static List<String> urls(@Nullable List<String> values, String field) {
        if (values == null) return List.of();
        if (values.size() > 10) throw RelaisException.invalid("at most 10 " + field);
        List<String> result = new ArrayList<>();
        for (String v : values) {
            try {
                URI uri = URI.create(v.strip());
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                        || v.strip().matches(".*[\\s<>()].*")) throw new IllegalArgumentException();
                result.add(uri.toString());
            } catch (RuntimeException e) {
                throw RelaisException.invalid(field + " must be http(s) URLs");
            }
        }
        return result;
    }
}
