/**
 * Messages in channels: posting, editing, deleting, reactions, pins, threads, history, read state.
 *
 * <p>Every change to a channel is a {@link fr.relais.hub.chat.ChannelEvent} numbered with the channel's
 * next {@code seq}. All writes of a channel go through its {@link fr.relais.hub.chat.ChannelWriter}, which
 * batches concurrent writes into one sequence allocation and one bulk insert (group commit), makes
 * them durable, and only then acknowledges them and hands the events to the
 * {@link fr.relais.hub.chat.ChannelEventPublisher} in {@code seq} order.
 */
package fr.relais.hub.chat;
