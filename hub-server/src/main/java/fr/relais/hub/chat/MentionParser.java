package fr.relais.hub.chat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code @username} and {@code @channel}/{@code @all}/{@code @here} in a message's Markdown source. */
final class MentionParser {
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([a-z0-9][a-z0-9._-]{1,31})", Pattern.CASE_INSENSITIVE);
    private static final Set<String> WHOLE_CHANNEL = Set.of("channel", "all", "here");

    record Mentions(Set<String> usernames, boolean channel) {
    }

    static Mentions parse(String text) {
        Set<String> usernames = new LinkedHashSet<>();
        boolean channel = false;
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT).replaceAll("[.]+$", "");
            if (WHOLE_CHANNEL.contains(name)) channel = true;
            else usernames.add(name);
        }
        return new Mentions(usernames, channel);
    }

    private MentionParser() {
    }
}
