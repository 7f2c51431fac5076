package fr.relais.sdk.stomp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stateful STOMP 1.2 decoder for a stream of text that may cut frames anywhere.
 *
 * <p>Each {@link #feed} returns the frames completed by the new text and keeps the unfinished
 * remainder for the next call, so a frame may span several WebSocket messages and one message
 * may hold several frames. Bare end-of-lines between frames are heart-beats and are dropped.
 * Not thread-safe: one decoder per connection, fed from the listener thread.
 */
public final class StompFrameDecoder {

    /** Text not yet turned into frames; empty between whole frames, which is the usual case. */
    private String pending = "";

    public List<StompFrame> feed(CharSequence text) {
        // Usually nothing is pending and the text is parsed in place, without copying it around.
        pending = pending.isEmpty() ? text.toString() : pending + text;
        List<StompFrame> frames = new ArrayList<>(1);
        int position = 0;
        while (true) {
            position = skipHeartBeats(position);
            if (position >= pending.length()) {
                break;
            }
            ParsedFrame parsed = parseFrameAt(position);
            if (parsed == null) {
                break;
            }
            frames.add(parsed.frame());
            position = parsed.end();
        }
        pending = pending.substring(position);
        return frames;
    }

    /** True when text of an unfinished frame is waiting for more input. */
    public boolean hasPartialFrame() {
        return skipHeartBeats(0) < pending.length();
    }

    private int skipHeartBeats(int position) {
        while (position < pending.length()) {
            char c = pending.charAt(position);
            if (c == '\n') {
                position++;
            } else if (c == '\r' && position + 1 < pending.length() && pending.charAt(position + 1) == '\n') {
                position += 2;
            } else {
                break;
            }
        }
        return position;
    }

    private record ParsedFrame(StompFrame frame, int end) {
    }

    /** Returns {@code null} while the frame starting at {@code start} is still incomplete. */
    private ParsedFrame parseFrameAt(int start) {
        int lineEnd = pending.indexOf('\n', start);
        if (lineEnd < 0) {
            return null;
        }
        String command = lineWithoutCarriageReturn(start, lineEnd);
        boolean escaped = StompFrameCodec.headersAreEscaped(command);
        Map<String, String> headers = new LinkedHashMap<>();
        int lineStart = lineEnd + 1;
        while (true) {
            lineEnd = pending.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                return null;
            }
            String line = lineWithoutCarriageReturn(lineStart, lineEnd);
            lineStart = lineEnd + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new MalformedFrameException("header line without a colon in " + command + ": " + line);
            }
            String name = StompFrameCodec.unescape(line.substring(0, colon), escaped);
            String value = StompFrameCodec.unescape(line.substring(colon + 1), escaped);
            headers.putIfAbsent(name, value);
        }
        int bodyStart = lineStart;
        int bodyEnd = bodyEnd(bodyStart, headers.get("content-length"));
        if (bodyEnd < 0) {
            return null;
        }
        String body = pending.substring(bodyStart, bodyEnd);
        return new ParsedFrame(new StompFrame(command, headers, body), bodyEnd + 1);
    }

    /** Index of the NUL that closes the body, or -1 if it has not arrived yet. */
    private int bodyEnd(int bodyStart, String contentLength) {
        if (contentLength == null) {
            return pending.indexOf(StompFrameCodec.NUL, bodyStart);
        }
        int octets = parseContentLength(contentLength);
        int index = skipUtf8Octets(bodyStart, octets);
        if (index < 0 || index >= pending.length()) {
            return -1;
        }
        if (pending.charAt(index) != StompFrameCodec.NUL) {
            throw new MalformedFrameException("body longer than its content-length " + octets);
        }
        return index;
    }

    /** Walks {@code octets} UTF-8 octets from {@code from}; -1 if the text is shorter than that. */
    private int skipUtf8Octets(int from, int octets) {
        int index = from;
        int counted = 0;
        while (counted < octets) {
            if (index >= pending.length()) {
                return -1;
            }
            char c = pending.charAt(index);
            if (Character.isHighSurrogate(c)) {
                if (index + 1 >= pending.length()) {
                    return -1;
                }
                counted += 4;
                index += 2;
            } else {
                counted += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                index++;
            }
        }
        if (counted != octets) {
            throw new MalformedFrameException("content-length " + octets + " ends inside a character");
        }
        return index;
    }

    private static int parseContentLength(String value) {
        try {
            int octets = Integer.parseInt(value.trim());
            if (octets < 0) {
                throw new NumberFormatException();
            }
            return octets;
        } catch (NumberFormatException e) {
            throw new MalformedFrameException("invalid content-length: " + value);
        }
    }

    private String lineWithoutCarriageReturn(int start, int newline) {
        int end = newline > start && pending.charAt(newline - 1) == '\r' ? newline - 1 : newline;
        return pending.substring(start, end);
    }
}
