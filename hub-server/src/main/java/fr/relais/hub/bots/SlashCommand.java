package fr.relais.hub.bots;

import java.time.Instant;

/** {@code /name} registered by a bot: one bot per name across the hub. */
public record SlashCommand(String name, String botId, String botUsername, String description, String usage,
                           Instant registeredAt) {
}
