package fr.relais.hub.supportline;

/** The two response-time targets of a ticket. */
public enum SlaTimer {
    FIRST_RESPONSE, RESOLUTION;

    public String wireName() {
        return this == FIRST_RESPONSE ? "first_response" : "resolution";
    }
}
