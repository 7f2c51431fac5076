package fr.relais.hub.federations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FederationCatalogTest {
    private final FederationCatalog catalog = new FederationCatalog();

    @Test
    void has_the_101_departements_and_the_french_abroad() {
        List<Federation> all = catalog.all();
        assertThat(all).hasSize(102);
        assertThat(all).extracting(Federation::code).doesNotHaveDuplicates()
                .contains("01", "2A", "2B", "29", "75", "95", "971", "972", "973", "974", "976", "FE")
                .doesNotContain("20", "975");
        assertThat(catalog.find("2a")).map(Federation::name).contains("Corse-du-Sud");
        assertThat(catalog.find("FE").orElseThrow().channelId()).isEqualTo("fed-fe");
    }
}
