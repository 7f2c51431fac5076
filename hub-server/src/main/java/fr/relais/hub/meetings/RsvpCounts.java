package fr.relais.hub.meetings;

import org.jspecify.annotations.Nullable;

/** Answers to one occurrence, and the caller's own answer (null when they have not answered). */
public record RsvpCounts(int yes, int no, int maybe, @Nullable RsvpAnswer mine) {
}
