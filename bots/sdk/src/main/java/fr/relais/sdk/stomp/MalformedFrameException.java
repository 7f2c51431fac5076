package fr.relais.sdk.stomp;

/** Raised when text received from the peer is not a valid STOMP 1.2 frame. */
public final class MalformedFrameException extends IllegalArgumentException {

    public MalformedFrameException(String message) {
        super(message);
    }
}
