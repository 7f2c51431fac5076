package fr.relais.hub.common;

/**
 * Every error a client can receive, REST or STOMP, with its stable code (documented in docs/api.md).
 * The HTTP status is the one REST answers with; STOMP carries the same code in an error event or an
 * ERROR frame's {@code code} header.
 */
public enum ErrorCode {
    UNAUTHENTICATED("unauthenticated", 401),
    BAD_CREDENTIALS("bad_credentials", 401),
    SESSION_REVOKED("session_revoked", 401),
    TOTP_REQUIRED("totp_required", 401),
    EXCLUDED("excluded", 403),
    CSRF_INVALID("csrf_invalid", 403),
    INVITATION_INVALID("invitation_invalid", 410),
    WEAK_PASSWORD("weak_password", 400),
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
    INTERNAL_ERROR("internal_error", 500),
    MEETING_NOT_FOUND("meeting_not_found", 404),
    OCCURRENCE_NOT_FOUND("occurrence_not_found", 404),
    INVALID_RECURRENCE("invalid_recurrence", 400),
    NOT_INVITED("not_invited", 403),
    MEETING_NOT_OPEN("meeting_not_open", 409),
    MEETING_CANCELLED("meeting_cancelled", 409),
    JITSI_NOT_CONFIGURED("jitsi_not_configured", 503),
    LIVE_SESSION_NOT_FOUND("live_session_not_found", 404),
    LIVE_SESSION_ENDED("live_session_ended", 409),
    TOO_MANY_REACTIONS("too_many_reactions", 409),
    ALREADY_LIVE("already_live", 409),
    SLOW_MODE("slow_mode", 429),
    TICKET_NOT_FOUND("ticket_not_found", 404),
    TICKET_ALREADY_CLAIMED("ticket_already_claimed", 409),
    TICKET_INVALID_TRANSITION("ticket_invalid_transition", 409),
    TICKET_CLOSED("ticket_closed", 409),
    TICKET_REOPEN_EXPIRED("ticket_reopen_expired", 409),
    CANNED_RESPONSE_NOT_FOUND("canned_response_not_found", 404),
    BOT_NOT_FOUND("bot_not_found", 404),
    COMMAND_NOT_FOUND("command_not_found", 404),
    COMMAND_TAKEN("command_taken", 409),
    /** A post whose text is a registered slash command: it went to the bot instead of the channel. */
    COMMAND_ROUTED("command_routed", 202),
    WEBHOOK_SIGNATURE_INVALID("webhook_signature_invalid", 401),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    RELAY_ITEM_NOT_FOUND("relay_item_not_found", 404),
    RELAY_INVALID_TRANSITION("relay_invalid_transition", 409),
    /** A blackout window (e.g. the legal pre-election silence) holds bots' posts in shared channels. */
    BLACKOUT_ACTIVE("blackout_active", 423);

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
