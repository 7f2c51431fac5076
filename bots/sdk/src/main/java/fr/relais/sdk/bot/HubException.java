package fr.relais.sdk.bot;

/** The hub refused a REST call: HTTP status, the problem's stable {@code code} and its detail. */
public class HubException extends RuntimeException {
    private final int status;
    private final String code;

    public HubException(int status, String code, String detail) {
        super(status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
