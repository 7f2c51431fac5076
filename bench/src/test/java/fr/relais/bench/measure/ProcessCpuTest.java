package fr.relais.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void addsUserAndSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (java (hub) x) S 1 4242 4242 0 -1 4194560 123 0 0 0 1500 250 0 0 20 0 60 0 99 0 0";

        assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1750);
    }

    @Test
    void readsItsOwnProcess() {
        assertThat(ProcessCpu.self(100).seconds()).isPositive();
    }
}
