package fr.relais.hub.federations;

/** A federation of the party: département code (or "FE" for the French abroad), name and region. */
public record Federation(String code, String name, String region) {
    /** The id of the federation's own channel. */
    public String channelId() {
        return "fed-" + code.toLowerCase(java.util.Locale.ROOT);
    }
}
