package fr.relais.hub.channels;

import fr.relais.hub.federations.Federation;
import fr.relais.hub.federations.FederationCatalog;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates, if missing, one channel per federation and the national thematic channels. Idempotent and
 * safe when several nodes start together (inserts are keyed by channel id).
 */
@Component
class ChannelSeeder implements SmartInitializingSingleton {
    record NationalChannel(String id, String name, String topic, boolean readOnly) {
    }

    static final List<NationalChannel> NATIONAL = List.of(
            new NationalChannel("riposte-numerique", "Riposte numérique", "Répondre vite et juste sur les réseaux", false),
            new NationalChannel("visuels", "Visuels", "Créer et diffuser les visuels de campagne", false),
            new NationalChannel("directs", "Directs", "Suivre en direct meetings et passages médias", false),
            new NationalChannel("desintox", "Désintox", "Veille collaborative contre les fausses informations", false),
            new NationalChannel("annonces", "Annonces", "Annonces nationales (lecture seule)", true));

    private final ChannelDirectory directory;
    private final FederationCatalog federations;
    private final Clock clock;

    ChannelSeeder(ChannelDirectory directory, FederationCatalog federations, Clock clock) {
        this.directory = directory;
        this.federations = federations;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Federation f : federations.all()) {
            directory.ensure(new Channel(f.channelId(), ChannelKind.FEDERATION, "Fédération " + f.name() + " (" + f.code() + ")",
                    "Canal de la fédération " + f.name(), f.code(), false, Set.of(), null, clock.instant()));
        }
        for (NationalChannel n : NATIONAL) {
            directory.ensure(new Channel(n.id(), ChannelKind.NATIONAL, n.name(), n.topic(), null, n.readOnly(), Set.of(), null, clock.instant()));
        }
        directory.reload();
    }
}
