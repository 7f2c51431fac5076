package fr.relais.hub.meetings;

import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageSender;
import fr.relais.hub.chat.PostRequest;
import fr.relais.hub.identity.User;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts a meeting's news in its channel, in French, through the normal {@link MessageSender} (so the
 * channel's rules apply), in the name of the person who caused it (the organiser for reminders).
 * Every post carries a clientMessageId derived from what it announces: posting it twice stores it once.
 */
@Component
class MeetingAnnouncer {
    private static final Logger log = LoggerFactory.getLogger(MeetingAnnouncer.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm", Locale.FRENCH);

    private final MessageSender sender;

    MeetingAnnouncer(MessageSender sender) {
        this.sender = sender;
    }

    void scheduled(User author, Meeting m, Occurrence first) {
        String text = "📅 Réunion programmée : **" + m.title() + "** — " + when(first)
                + (m.recurring() ? " (récurrente)" : "") + ".";
        post(author, m, text, "mtg-new-" + m.id());
    }

    void cancelled(User author, Meeting m) {
        post(author, m, "❌ Réunion annulée : **" + m.title() + "**.", "mtg-cancel-" + m.id() + "-" + m.sequence());
    }

    void occurrenceCancelled(User author, Meeting m, Occurrence o) {
        post(author, m, "❌ Séance annulée : **" + o.title() + "** du " + when(o) + ".",
                "mtg-cancel-" + m.id() + "-" + o.key());
    }

    /** Waits until stored: the sweep marks a reminder done only after its message is durable. */
    boolean reminder(User organizer, Meeting m, Occurrence o, Duration before) {
        String text = "⏰ Rappel : **" + o.title() + "** " + inHowLong(before) + ", " + when(o) + ".";
        CompletableFuture<Message> posted = post(organizer, m, text, "mtg-rem-" + m.id() + "-" + o.key() + "-" + before.toMinutes());
        if (posted == null) return false;
        try {
            posted.get(30, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            log.warn("Reminder of meeting {} ({}) was not posted in {}: {}", m.id(), o.key(), m.channelId(), e.toString());
            return false;
        }
    }

    private CompletableFuture<Message> post(User author, Meeting m, String text, String clientMessageId) {
        if (m.channelId() == null) return null;
        try {
            return sender.post(author, m.channelId(), new PostRequest(text, clientMessageId, null))
                    .whenComplete((stored, failure) -> {
                        if (failure != null) log.warn("Could not post in {} for meeting {}: {}", m.channelId(), m.id(), failure.toString());
                    });
        } catch (RuntimeException e) {
            log.warn("Could not post in {} for meeting {}: {}", m.channelId(), m.id(), e.toString());
            return null;
        }
    }

    static String when(Occurrence o) {
        return WHEN.format(o.start()) + " (" + o.start().getZone().getId() + ")";
    }

    static String inHowLong(Duration d) {
        if (d.toDays() >= 1 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() == 1 ? "demain" : "dans " + d.toDays() + " jours";
        }
        if (d.toHours() >= 1 && d.toMinutesPart() == 0) return "dans " + d.toHours() + " h";
        return "dans " + d.toMinutes() + " min";
    }
}
