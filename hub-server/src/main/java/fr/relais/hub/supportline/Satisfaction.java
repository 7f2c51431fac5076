package fr.relais.hub.supportline;

import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The requester side's rating of the answer: 1 (bad) to 5 (excellent), with an optional comment. */
public record Satisfaction(int rating, @Nullable String comment, UserRef ratedBy, Instant ratedAt) {
}
