package fr.relais.sdk.stomp;

/**
 * The server refused or ended the STOMP session: it answered with an ERROR frame, closed the
 * WebSocket, or rejected the WebSocket handshake.
 *
 * <p>Exactly one of {@link #errorFrame()}, {@link #closeCode()} and {@link #handshakeStatus()}
 * describes the cause; the other two are {@code null} / {@value #NONE}.
 */
public final class StompErrorException extends RuntimeException {

    public static final int NONE = -1;

    private final transient StompFrame errorFrame;
    private final int closeCode;
    private final int handshakeStatus;

    private StompErrorException(String message, StompFrame errorFrame, int closeCode, int handshakeStatus,
                                Throwable cause) {
        super(message, cause);
        this.errorFrame = errorFrame;
        this.closeCode = closeCode;
        this.handshakeStatus = handshakeStatus;
    }

    public static StompErrorException errorFrame(StompFrame frame) {
        String summary = frame.header("message");
        String message = "server sent ERROR" + (summary == null ? "" : ": " + summary)
                + (frame.body().isEmpty() ? "" : " / " + frame.body());
        return new StompErrorException(message, frame, NONE, NONE, null);
    }

    public static StompErrorException closed(int closeCode, String reason) {
        String message = "connection closed with status " + closeCode
                + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
        return new StompErrorException(message, null, closeCode, NONE, null);
    }

    public static StompErrorException handshakeRejected(int httpStatus, Throwable cause) {
        return new StompErrorException("WebSocket handshake rejected with HTTP " + httpStatus, null, NONE,
                httpStatus, cause);
    }

    public static StompErrorException connectionFailed(Throwable cause) {
        return new StompErrorException("could not open the WebSocket: " + cause, null, NONE, NONE, cause);
    }

    /** The ERROR frame sent by the server, or {@code null} if the session ended otherwise. */
    public StompFrame errorFrame() {
        return errorFrame;
    }

    /** WebSocket close status, or {@value #NONE} if the session did not end with a close. */
    public int closeCode() {
        return closeCode;
    }

    /** HTTP status of a refused WebSocket upgrade, or {@value #NONE}. */
    public int handshakeStatus() {
        return handshakeStatus;
    }
}
