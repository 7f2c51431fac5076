package fr.relais.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of a server process on this machine: resident set from {@code /proc/<pid>/status}, and
 * the live Java heap after a forced collection, through {@code jcmd} (the JDK's own tool, which
 * any JVM of the same user answers).
 */
public final class ServerMemory {

    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB");
    /** First "used NNNK" of GC.heap_info is the whole Java heap (G1, Parallel, Serial alike). */
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final Path jcmd;

    public ServerMemory(long pid) {
        this.pid = pid;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /** Resident set size in KiB, or -1 if /proc cannot tell. */
    public long rssKiB() {
        try {
            return parseRssKiB(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Forces a full collection (twice: the first may leave finalizable garbage), then the heap used, in KiB; -1 on failure. */
    public long liveHeapKiB() {
        try {
            run("GC.run");
            run("GC.run");
            return parseHeapUsedKiB(run("GC.heap_info"));
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The first {@code lines} lines of the server's live-object histogram (after a full GC), for finding who holds the heap. */
    public String classHistogram(int lines) {
        try {
            return run("GC.class_histogram").lines().limit(lines).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException | RuntimeException e) {
            return "no class histogram: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static long parseRssKiB(String status) {
        Matcher matcher = VM_RSS.matcher(status);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no VmRSS line");
        }
        return Long.parseLong(matcher.group(1));
    }

    static long parseHeapUsedKiB(String heapInfo) {
        Matcher matcher = HEAP_USED.matcher(heapInfo);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no heap usage in: " + heapInfo);
        }
        return Long.parseLong(matcher.group(1));
    }

    private String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
