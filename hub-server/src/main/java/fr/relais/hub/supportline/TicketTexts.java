package fr.relais.hub.supportline;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** What subjects, descriptions, replies and notes must be (Markdown source, stored as written). */
@Component
class TicketTexts {
    static final int SUBJECT_MAX = 200;
    static final int COMMENT_MAX = 2000;
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([a-z0-9][a-z0-9._-]{1,31})", Pattern.CASE_INSENSITIVE);

    private final SupportProperties properties;

    TicketTexts(SupportProperties properties) {
        this.properties = properties;
    }

    String subject(String subject) {
        if (subject == null || subject.isBlank()) throw RelaisException.invalid("subject is required");
        String s = subject.strip();
        if (s.length() > SUBJECT_MAX) throw RelaisException.invalid("subject is at most " + SUBJECT_MAX + " characters");
        return s;
    }

    String body(String text) {
        if (text == null || text.isBlank()) throw new RelaisException(ErrorCode.TEXT_EMPTY, "The text is empty");
        String s = text.strip();
        if (s.codePointCount(0, s.length()) > properties.maxTextChars()) {
            throw new RelaisException(ErrorCode.TEXT_TOO_LONG, "The text is longer than " + properties.maxTextChars() + " characters");
        }
        return s;
    }

    static String clientMessageId(String clientMessageId) {
        if (clientMessageId == null || clientMessageId.isBlank()) return UUID.randomUUID().toString();
        if (clientMessageId.length() > 64) throw RelaisException.invalid("clientMessageId is at most 64 characters");
        return clientMessageId;
    }

    /** The lowercase usernames written as {@code @username}. */
    static Set<String> mentionedUsernames(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) names.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[.]+$", ""));
        return names;
    }
}
