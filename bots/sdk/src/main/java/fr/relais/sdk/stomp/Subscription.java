package fr.relais.sdk.stomp;

/** A live SUBSCRIBE on one destination; pass it to {@link StompClient#unsubscribe} to end it. */
public record Subscription(String id, String destination) {
}
