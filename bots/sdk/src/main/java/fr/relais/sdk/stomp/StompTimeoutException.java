package fr.relais.sdk.stomp;

/** A blocking call of the SDK gave up waiting for the server. */
public final class StompTimeoutException extends RuntimeException {

    public StompTimeoutException(String message) {
        super(message);
    }
}
