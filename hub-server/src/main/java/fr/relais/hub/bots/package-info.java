/**
 * Bots: accounts created by national admins (a {@code BOT} user, an owner, the channels it is a member
 * of, capabilities such as {@code RELAY}) with bot tokens (personal access tokens of the bot user: shown
 * once, stored as a digest, revocable, rotatable); slash commands ({@link fr.relais.hub.bots.SlashCommands}:
 * a bot registers {@code /name}, people invoke it in a channel, the invocation is stored then delivered
 * to the bot, which answers to the caller or to the channel); incoming webhooks (external systems post
 * alerts to a channel, HMAC-signed); outgoing webhooks (signed HTTP deliveries of a channel's messages,
 * retried with back-off, failures shown to the bot's owner). {@code store/} owns {@code bots},
 * {@code bot_commands}, {@code bot_invocations}, {@code bot_incoming_webhooks},
 * {@code bot_outgoing_webhooks}, {@code bot_webhook_deliveries} and {@code bot_keys}; {@code web/} is
 * the REST surface and the public {@code /hooks/in/<id>} endpoint.
 */
package fr.relais.hub.bots;
