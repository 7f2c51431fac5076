package fr.relais.bench.measure;

/**
 * What the bench writes into a message text, and reads back from each delivery.
 *
 * <p>The text starts with {@code bench:<round>:<phase>:<number>:<sentNanos>:} then padding.
 * {@code sentNanos} is the {@link System#nanoTime()} at which the message was <em>due</em>,
 * not when it actually left: a publisher that falls behind then shows up as latency instead of
 * hiding it (coordinated omission). {@code nanoTime} is only comparable inside one JVM, which
 * holds here because publishers and subscribers run in the same process.
 *
 * @param number dense across the whole run, so per-subscriber duplicate detection can use a bit set
 */
public record BenchMessage(int round, boolean measured, long number, long sentNanos) {

    public static final String MARKER = "bench:";

    public String text(int length) {
        String prefix = MARKER + round + ":" + (measured ? 'm' : 'w') + ":" + number + ":" + sentNanos + ":";
        return prefix.length() >= length ? prefix : prefix + "x".repeat(length - prefix.length());
    }

    /** Client message id, unique per run so the hub never mistakes a rerun for a retry. */
    public String clientMessageId(String runId) {
        return "bench-" + runId + "-" + round + "-" + (measured ? 'm' : 'w') + "-" + number;
    }

    /** Reads the marker starting at {@code start} in {@code text}; {@code null} if it is not one. */
    public static BenchMessage parse(CharSequence text, int start) {
        if (!startsWith(text, start, MARKER)) {
            return null;
        }
        FieldCursor cursor = new FieldCursor(text, start + MARKER.length());
        long round = cursor.nextNumber();
        char phase = cursor.nextChar();
        long number = cursor.nextNumber();
        long sentNanos = cursor.nextNumber();
        if (round < 0 || number < 0 || cursor.failed() || (phase != 'm' && phase != 'w')) {
            return null;
        }
        return new BenchMessage((int) round, phase == 'm', number, sentNanos);
    }

    /** Round and phase back from a client message id quoted by an error event; {@code null} if foreign. */
    public static BenchMessage parseClientMessageId(String clientMessageId, String runId) {
        String prefix = "bench-" + runId + "-";
        if (clientMessageId == null || !clientMessageId.startsWith(prefix)) {
            return null;
        }
        String[] parts = clientMessageId.substring(prefix.length()).split("-");
        if (parts.length != 3) {
            return null;
        }
        try {
            return new BenchMessage(Integer.parseInt(parts[0]), parts[1].equals("m"), Long.parseLong(parts[2]), 0);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean startsWith(CharSequence text, int start, String prefix) {
        if (start < 0 || start + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(start + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Walks colon-separated fields without allocating substrings: this runs per delivery. */
    private static final class FieldCursor {

        private final CharSequence text;
        private int position;
        private boolean failed;

        FieldCursor(CharSequence text, int position) {
            this.text = text;
            this.position = position;
        }

        long nextNumber() {
            long value = 0;
            int digits = 0;
            boolean negative = position < text.length() && text.charAt(position) == '-';
            if (negative) {
                position++;
            }
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                value = value * 10 + (text.charAt(position++) - '0');
                digits++;
            }
            expectColon(digits > 0);
            return negative ? -value : value;
        }

        char nextChar() {
            char c = position < text.length() ? text.charAt(position++) : '?';
            expectColon(true);
            return c;
        }

        boolean failed() {
            return failed;
        }

        private void expectColon(boolean fieldOk) {
            if (!fieldOk || position >= text.length() || text.charAt(position) != ':') {
                failed = true;
            } else {
                position++;
            }
        }
    }
}
