package fr.relais.hub.common;

/** A refusal the user should hear about, with a stable {@link ErrorCode} and a human message (no internals). */
public class RelaisException extends RuntimeException {
    private final ErrorCode code;

    public RelaisException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static RelaisException forbidden(String message) {
        return new RelaisException(ErrorCode.FORBIDDEN, message);
    }

    public static RelaisException invalid(String message) {
        return new RelaisException(ErrorCode.VALIDATION_FAILED, message);
    }
}
