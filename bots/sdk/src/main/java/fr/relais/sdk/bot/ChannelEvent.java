package fr.relais.sdk.bot;

import tools.jackson.databind.JsonNode;

/**
 * One numbered event of a channel ({@code message.created}, {@code message.updated},
 * {@code message.deleted}, {@code reaction.changed}), delivered once per seq, live or from a resync.
 */
public record ChannelEvent(String type, String channelId, long seq, JsonNode body) {
    public String messageId() {
        return body.path("id").asString(null);
    }

    public String text() {
        return body.path("text").asString("");
    }

    public boolean fromBot() {
        return body.path("author").path("bot").asBoolean(false);
    }

    public String authorUsername() {
        return body.path("author").path("username").asString("");
    }
}
