package fr.relais.sdk.bot;

import tools.jackson.databind.JsonNode;

/** Someone typed {@code /command args} in {@code channelId}. */
public record Invocation(String id, String command, String args, String channelId, String callerId, String callerUsername) {
    static Invocation of(JsonNode v) {
        return new Invocation(v.get("id").asString(), v.get("command").asString(), v.path("args").asString(""),
                v.get("channelId").asString(), v.get("callerId").asString(), v.path("callerUsername").asString(""));
    }
}
