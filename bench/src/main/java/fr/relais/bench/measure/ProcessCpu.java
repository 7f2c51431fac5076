package fr.relais.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) a process has used so far, read from {@code /proc/<pid>/stat}.
 *
 * <p>Reading /proc lets the bench charge CPU to the hub alone, although both share the machine.
 */
public final class ProcessCpu {

    private final long pid;
    private final int clockTicksPerSecond;

    public ProcessCpu(long pid, int clockTicksPerSecond) {
        this.pid = pid;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    public static ProcessCpu self(int clockTicksPerSecond) {
        return new ProcessCpu(ProcessHandle.current().pid(), clockTicksPerSecond);
    }

    /** Seconds of CPU used so far, or NaN if /proc cannot tell (other OS, process gone). */
    public double seconds() {
        try {
            return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / (double) clockTicksPerSecond;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime, fields 14 and 15 of the stat line; counted after the command name, which may hold spaces. */
    static long parseTicks(String statLine) {
        String afterCommand = statLine.substring(statLine.lastIndexOf(')') + 2);
        String[] fields = afterCommand.trim().split("\\s+");
        // fields[0] is field 3 (state), so field 14 is at index 11
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
