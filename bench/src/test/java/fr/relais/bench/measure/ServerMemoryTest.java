package fr.relais.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerMemoryTest {

    @Test
    void readsTheResidentSetFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  524288 kB\nRssAnon:\t 400000 kB\n";

        assertThat(ServerMemory.parseRssKiB(status)).isEqualTo(524_288);
    }

    @Test
    void readsTheHeapUsedFromGcHeapInfo() {
        String heapInfo = """
                12345:
                 garbage-first heap   total reserved 6291456K, committed 262144K, used 81234K [0x0000000680000000, 0x0000000800000000)
                  region size 2048K, 3 young (6144K), 0 survivors (0K)
                 Metaspace       used 70000K, committed 71000K, reserved 1114112K
                """;

        assertThat(ServerMemory.parseHeapUsedKiB(heapInfo)).isEqualTo(81_234);
    }
}
