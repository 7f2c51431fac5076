package fr.relais.hub.infra.stomp;

/** Header values of frames the hub builds as bytes itself (fan-out, receipts), escaped as STOMP 1.2 requires. */
public final class StompHeaderValues {
    private StompHeaderValues() {
    }

    /** STOMP 1.2 header value escaping; the value itself when there is nothing to escape (the usual case). */
    public static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf(':') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value;
        return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace(":", "\\c");
    }
}
