package fr.relais.bench.measure;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pulls the channel {@code seq} and the bench marker out of a {@code message.created} event.
 *
 * <p>This runs for every delivery (hundreds of thousands per second at the top rates) on the
 * same two cores as the hub, so the usual compact JSON is searched directly; anything laid out
 * differently falls back to a full parse.
 */
public final class MessageEvents {

    /** One bench message as seen by one subscriber. */
    public record Delivery(BenchMessage message, long seq) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPE = "\"type\":\"message.created\"";
    private static final String TEXT = "\"text\":\"";
    private static final String SEQ = "\"seq\":";

    private MessageEvents() {
    }

    /** The delivery carried by this event body, or {@code null} for other events and foreign messages. */
    public static Delivery parse(String body) {
        int text = body.indexOf(TEXT);
        int seq = body.indexOf(SEQ);
        if (text >= 0 && seq >= 0 && body.contains(TYPE)) {
            BenchMessage message = BenchMessage.parse(body, text + TEXT.length());
            long seqValue = digitsAt(body, seq + SEQ.length());
            if (message != null && seqValue >= 0) {
                return new Delivery(message, seqValue);
            }
        }
        return body.contains(BenchMessage.MARKER) ? parseFully(body) : null;
    }

    private static Delivery parseFully(String body) {
        try {
            JsonNode event = JSON.readTree(body);
            if (!"message.created".equals(event.path("type").asString(""))) {
                return null;
            }
            String text = event.path("text").asString("");
            BenchMessage message = BenchMessage.parse(text, 0);
            JsonNode seq = event.path("seq");
            return message == null || !seq.isNumber() ? null : new Delivery(message, seq.asLong());
        } catch (JacksonException e) {
            return null;
        }
    }

    private static long digitsAt(String body, int position) {
        while (position < body.length() && body.charAt(position) == ' ') {
            position++;
        }
        long value = 0;
        int start = position;
        while (position < body.length() && Character.isDigit(body.charAt(position))) {
            value = value * 10 + (body.charAt(position++) - '0');
        }
        return position == start ? -1 : value;
    }
}
