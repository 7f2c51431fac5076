package fr.relais.sdk.stomp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One STOMP 1.2 frame: a command, ordered headers (already unescaped) and a text body.
 *
 * <p>Headers keep their insertion order because the encoded form is easier to read in
 * protocol tests that way; when a header is repeated on the wire only the first value is
 * kept, as STOMP 1.2 requires. The body is never {@code null}: frames without a body carry
 * {@code ""}.
 */
public record StompFrame(String command, Map<String, String> headers, String body) {

    public StompFrame {
        Objects.requireNonNull(command, "command");
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    public static StompFrame of(String command, Map<String, String> headers) {
        return new StompFrame(command, headers, "");
    }

    /** Value of the header, or {@code null} when the frame does not carry it. */
    public String header(String name) {
        return headers.get(name);
    }

    public boolean is(String expectedCommand) {
        return command.equals(expectedCommand);
    }
}
