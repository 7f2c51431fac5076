package fr.relais.sdk.bot;

/** A bot's answer to an {@link Invocation}: to the caller only, or posted in the channel. */
public record Reply(String text, boolean toChannel) {
    public static Reply toCaller(String text) {
        return new Reply(text, false);
    }

    public static Reply toChannel(String text) {
        return new Reply(text, true);
    }
}
