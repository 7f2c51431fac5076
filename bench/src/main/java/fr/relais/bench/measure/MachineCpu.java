package fr.relais.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Busy CPU time of the whole machine, from the first line of {@code /proc/stat}.
 *
 * <p>The hub and the bench share the machine with whatever else runs there (builds, editors):
 * busy time not charged to either tells how trustworthy a window's latencies are.
 */
public final class MachineCpu {

    private final int clockTicksPerSecond;

    public MachineCpu(int clockTicksPerSecond) {
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** Seconds of busy CPU summed over all cores since boot, or NaN where /proc/stat is missing. */
    public double busySeconds() {
        try {
            return parseBusyTicks(Files.readAllLines(Path.of("/proc/stat")).getFirst()) / (double) clockTicksPerSecond;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** user + nice + system + irq + softirq + steal; idle and iowait are not busy. */
    static long parseBusyTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the aggregate cpu line: " + cpuLine);
        }
        long busy = 0;
        int[] busyColumns = {1, 2, 3, 6, 7, 8};
        for (int column : busyColumns) {
            if (column < fields.length) {
                busy += Long.parseLong(fields[column]);
            }
        }
        return busy;
    }
}
