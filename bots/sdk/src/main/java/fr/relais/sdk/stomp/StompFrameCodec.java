package fr.relais.sdk.stomp;

import java.util.List;
import java.util.Map;

/**
 * Converts STOMP 1.2 frames to and from their text form.
 *
 * <p>Header names and values are escaped ({@code \\}, {@code \n}, {@code \r}, {@code \c})
 * except in CONNECT and CONNECTED frames, which STOMP 1.2 exempts so that 1.0 peers can still
 * negotiate a version. Every frame ends with a NUL octet.
 *
 * <p>{@link #decode(CharSequence)} expects whole frames. Text arriving in pieces (a frame split
 * over several WebSocket messages) goes through a {@link StompFrameDecoder}, which keeps the
 * unfinished tail between calls.
 */
public final class StompFrameCodec {

    static final char NUL = '\0';

    private StompFrameCodec() {
    }

    public static String encode(StompFrame frame) {
        String command = frame.command();
        if (command.isEmpty() || command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("invalid STOMP command: " + command);
        }
        boolean escape = headersAreEscaped(command);
        StringBuilder text = new StringBuilder(command.length() + 64 + frame.body().length());
        text.append(command).append('\n');
        for (Map.Entry<String, String> header : frame.headers().entrySet()) {
            appendHeaderPart(text, header.getKey(), escape);
            text.append(':');
            appendHeaderPart(text, header.getValue(), escape);
            text.append('\n');
        }
        return text.append('\n').append(frame.body()).append(NUL).toString();
    }

    /**
     * Decodes every frame in {@code text}, skipping the bare end-of-lines used as heart-beats.
     *
     * @throws MalformedFrameException if the text is not valid STOMP or ends inside a frame
     */
    public static List<StompFrame> decode(CharSequence text) {
        StompFrameDecoder decoder = new StompFrameDecoder();
        List<StompFrame> frames = decoder.feed(text);
        if (decoder.hasPartialFrame()) {
            throw new MalformedFrameException("text ends inside an unterminated frame");
        }
        return frames;
    }

    /** Number of octets {@code text} takes in UTF-8, which is what {@code content-length} counts. */
    public static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static boolean headersAreEscaped(String command) {
        return !command.equals("CONNECT") && !command.equals("CONNECTED");
    }

    private static void appendHeaderPart(StringBuilder text, String part, boolean escape) {
        if (part == null) {
            throw new IllegalArgumentException("STOMP headers cannot be null");
        }
        if (!escape) {
            text.append(part);
            return;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case ':' -> text.append("\\c");
                default -> text.append(c);
            }
        }
    }

    static String unescape(String raw, boolean escaped) {
        if (!escaped || raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder plain = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                plain.append(c);
                continue;
            }
            if (i + 1 >= raw.length()) {
                throw new MalformedFrameException("header ends with a lone backslash: " + raw);
            }
            char code = raw.charAt(++i);
            switch (code) {
                case '\\' -> plain.append('\\');
                case 'n' -> plain.append('\n');
                case 'r' -> plain.append('\r');
                case 'c' -> plain.append(':');
                // STOMP 1.2 makes undefined escapes a fatal protocol error
                default -> throw new MalformedFrameException("undefined escape \\" + code + " in header: " + raw);
            }
        }
        return plain.toString();
    }
}
