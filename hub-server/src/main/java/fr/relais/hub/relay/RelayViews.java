package fr.relais.hub.relay;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON view of a relay item (REST, topic events and bot runs alike). */
public final class RelayViews {
    private RelayViews() {
    }

    public static Map<String, Object> item(RelayItem i) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", i.id());
        v.put("status", i.status().name());
        v.put("author", Map.of("id", i.authorId(), "username", i.authorUsername()));
        if (i.authorFederation() != null) v.put("authorFederation", i.authorFederation());
        v.put("text", i.text());
        v.put("visuals", i.visuals());
        v.put("links", i.links());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", i.target().kind().name());
        if (i.target().region() != null) target.put("region", i.target().region());
        target.put("federations", i.target().federations());
        v.put("target", target);
        if (i.wishedAt() != null) v.put("wishedAt", i.wishedAt().toString());
        if (i.scheduledAt() != null) v.put("scheduledAt", i.scheduledAt().toString());
        if (i.consigne() != null) {
            v.put("consigne", Map.of("requires", i.consigne().requires().name(), "deadline", i.consigne().deadline().toString()));
        }
        v.put("channelIds", i.channelIds());
        v.put("history", i.history().stream().map(e -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("at", e.at().toString());
            h.put("by", Map.of("id", e.byId(), "username", e.byUsername()));
            h.put("action", e.action());
            if (e.comment() != null) h.put("comment", e.comment());
            return h;
        }).toList());
        v.put("createdAt", i.createdAt().toString());
        v.put("updatedAt", i.updatedAt().toString());
        v.put("version", i.version());
        return v;
    }
}
