package fr.relais.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void countsBusyColumnsOnly() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        String line = "cpu  100 5 40 9000 300 2 3 1 0 0";

        assertThat(MachineCpu.parseBusyTicks(line)).isEqualTo(100 + 5 + 40 + 2 + 3 + 1);
    }
}
