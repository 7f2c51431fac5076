package fr.relais.hub.bots;

import java.util.function.Supplier;

/** Persistence port for the hub's own bot keys (one document per key name, created once for all nodes). */
public interface BotKeyStore {
    /** The stored key of that name; the first caller (on any node) stores {@code generate}'s value. */
    byte[] getOrCreate(String name, Supplier<byte[]> generate);
}
