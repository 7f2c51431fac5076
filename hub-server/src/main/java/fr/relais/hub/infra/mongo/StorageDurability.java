package fr.relais.hub.infra.mongo;

/**
 * Makes writes that the driver has acknowledged durable before the hub acknowledges them to a user.
 * With a real MongoDB the write concern does this already (nothing to do); with the embedded store it
 * writes its journal to the operating system.
 */
@FunctionalInterface
public interface StorageDurability {
    void makeDurable();

    StorageDurability ALREADY_DURABLE = () -> { };
}
