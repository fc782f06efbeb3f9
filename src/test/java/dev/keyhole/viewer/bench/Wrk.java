package dev.keyhole.viewer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code wrk}, a closed-loop HTTP load generator: each connection sends its next request when the
 * answer to the last one arrived. Installed with apt-get when missing (the benchmark runs as root here).
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

    /** What one run measured: requests per second, median and 99th percentile latency (ms), failures. */
    record Run(
            int connections,
            long requests,
            double perSecond,
            double p50Millis,
            double p99Millis,
            long failed,
            double cpuMillisPerRequest) {

        String row(String what) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %,.0f | %.1f ms | %.1f ms | %.2f ms | %s |",
                    what,
                    connections,
                    perSecond,
                    p50Millis,
                    p99Millis,
                    cpuMillisPerRequest,
                    failed == 0 ? "0" : failed + " of " + requests);
        }
    }

    private Wrk() {}

    static void installIfMissing() throws IOException, InterruptedException {
        if (run(List.of("sh", "-c", "command -v wrk")).exitCode == 0) {
            return;
        }
        Result installed = run(List.of("apt-get", "install", "-y", "wrk"));
        assertThat(installed.exitCode)
                .as("apt-get install -y wrk:\n%s", installed.output)
                .isZero();
    }

    /** {@code connections} connections on up to two threads (one per core here) for {@code seconds}. */
    static Run load(URI url, String header, int connections, int seconds, long serverPid)
            throws IOException, InterruptedException {
        long cpuBefore = cpuTicks(serverPid);
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "--latency",
                "-t",
                Integer.toString(Math.min(2, connections)),
                "-c",
                Integer.toString(connections),
                "-d",
                seconds + "s",
                "--timeout",
                "10s",
                "-H",
                header,
                url.toString()));
        Result result = run(command);
        long cpuTicks = cpuTicks(serverPid) - cpuBefore;
        assertThat(result.exitCode).as("wrk:\n%s", result.output).isZero();
        String out = result.output;
        long requests = Long.parseLong(find(TOTAL, out, "request count"));
        long failed = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            failed += Long.parseLong(non2xx.group(1));
        }
        Matcher errors = ERRORS.matcher(out);
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                failed += Long.parseLong(errors.group(group));
            }
        }
        return new Run(
                connections,
                requests,
                Double.parseDouble(find(RATE, out, "Requests/sec")),
                millis(P50, out),
                millis(P99, out),
                failed,
                cpuTicks * 1000.0 / TICKS_PER_SECOND / Math.max(1, requests));
    }

    /** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
    private static final int TICKS_PER_SECOND = 100;

    /**
     * The server's CPU time so far (user and system, /proc/PID/stat fields 14 and 15): per request, a
     * figure that other processes on the machine change far less than the rate or the latency.
     */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double millis(Pattern percentile, String out) {
        Matcher matcher = percentile.matcher(out);
        assertThat(matcher.find()).as("a latency percentile in:\n%s", out).isTrue();
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(Pattern pattern, String out, String what) {
        Matcher matcher = pattern.matcher(out);
        assertThat(matcher.find()).as("%s in wrk's output:\n%s", what, out).isTrue();
        return matcher.group(1);
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("wrk", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            int code = process.waitFor();
            return new Result(code, Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
