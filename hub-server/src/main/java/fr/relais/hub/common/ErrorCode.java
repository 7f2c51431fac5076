package fr.relais.hub.common;

/**
 * Every error a client can receive, REST or STOMP, with its stable code (documented in docs/api.md).
 * The HTTP status is the one REST answers with; STOMP carries the same code in an error event or an
 * ERROR frame's {@code code} header.
 */
public enum ErrorCode {
    UNAUTHENTICATED("unauthenticated", 401),
    BAD_CREDENTIALS("bad_credentials", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not_found", 404),
    CHANNEL_NOT_FOUND("channel_not_found", 404),
    MESSAGE_NOT_FOUND("message_not_found", 404),
    USER_NOT_FOUND("user_not_found", 404),
    VALIDATION_FAILED("validation_failed", 400),
    MALFORMED_JSON("malformed_json", 400),
    TEXT_EMPTY("text_empty", 400),
    TEXT_TOO_LONG("text_too_long", 400),
    INVALID_THREAD("invalid_thread", 400),
    UNKNOWN_DESTINATION("unknown_destination", 400),
    FRAME_TOO_LARGE("frame_too_large", 413),
    CONFLICT("conflict", 409),
    RATE_LIMITED("rate_limited", 429),
    OVERLOADED("overloaded", 503),
    STORE_UNAVAILABLE("store_unavailable", 503),
    INTERNAL_ERROR("internal_error", 500);

    private final String code;
    private final int httpStatus;

    ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
