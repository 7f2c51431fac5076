package fr.relais.bench.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchAccountsTest {

    @Test
    void aFederationChannelIsReadByItsFederationOthersByTheFallback() {
        assertThat(BenchAccounts.federationOf("fed-01", "29")).isEqualTo("01");
        assertThat(BenchAccounts.federationOf("fed-2a", "29")).isEqualTo("2A");
        assertThat(BenchAccounts.federationOf("directs", "29")).isEqualTo("29");
    }

    @Test
    void withoutAuthenticationConnectionsSendNoToken() {
        assertThat(BenchAccounts.none().subscriberHeaders("fed-01", 3)).isEmpty();
        assertThat(BenchAccounts.none().publisherHeaders()).isEmpty();
    }
}
