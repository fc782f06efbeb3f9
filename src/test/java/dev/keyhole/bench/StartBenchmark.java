package dev.keyhole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.PackagedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's start-up: from {@code java} to the first {@code /ping} answered, for the packaged jar as is, with
 * Spring AOT's build-time bean definitions, and with those and the JDK's ahead-of-time cache made by
 * {@code build/aot-cache.sh} (what {@code ./dev server} and the Docker image run). The three are started in turn, {@code -Dstart.runs} times each (default 5), on one H2 data directory
 * that an unmeasured first start created, so each measured start is a restart. Prints the median and the range;
 * asserts no timing. Named without the IT suffix so the suite never runs it (docs/benchmarks.md).
 */
class StartBenchmark {

    private static final int RUNS = Integer.getInteger("start.runs", 5);

    @TempDir
    Path home;

    @Test
    void startToFirstPing() throws Exception {
        Path jar = PackagedJar.jar();
        Path aot = home.resolve("aot");
        long madeAt = System.nanoTime();
        Process script = new ProcessBuilder("sh", "build/aot-cache.sh", jar.toString(), aot.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("aot-cache.log").toFile()))
                .start();
        assertThat(script.waitFor())
                .as("build/aot-cache.sh; see %s", home.resolve("aot-cache.log"))
                .isZero();
        double cacheSeconds = (System.nanoTime() - madeAt) / 1e9;
        // PackagedJar gives --enable-native-access=ALL-UNNAMED and -Dspring.aot.enabled=true, as build/aot-cache.sh's
        // training run does: the shipped start (./dev server, the image). The JVM takes the last -D of a name.
        List<String> withCache = List.of("-XX:AOTCache=" + aot.resolve("keyhole.aot"));
        List<String> plainJvm = List.of("-Dspring.aot.enabled=false");

        start(jar, List.of()).close();
        double fromCache = shareOfClassesFromCache(aot, withCache);
        List<Double> plain = new ArrayList<>();
        List<Double> springAot = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        List<Double> plainCpu = new ArrayList<>();
        List<Double> springAotCpu = new ArrayList<>();
        List<Double> cachedCpu = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            timed(jar, plainJvm, plain, plainCpu);
            timed(jar, List.of(), springAot, springAotCpu);
            timed(aot.resolve("keyhole.jar"), withCache, cached, cachedCpu);
        }
        String report = String.join(
                "\n",
                "| start to first `/ping` (%d restarts each, in turn) | median | fastest – slowest |".formatted(RUNS),
                "|---|---|---|",
                row("`java -jar keyhole.jar`", plain),
                row("with Spring AOT (`-Dspring.aot.enabled=true`)", springAot),
                row(
                        "with Spring AOT and the JDK's AOT cache (`-XX:AOTCache`, extracted jar): `./dev server`, the image",
                        cached),
                row("CPU time of the JVM until then, `java -jar keyhole.jar`", plainCpu),
                row("CPU time of the JVM until then, with Spring AOT", springAotCpu),
                row("CPU time of the JVM until then, with Spring AOT and the AOT cache", cachedCpu),
                "",
                "AOT cache made (extract + training run) in %.1f s, %.1f MB; a start with it loaded %.0f %% of its classes from it."
                        .formatted(cacheSeconds, Files.size(aot.resolve("keyhole.aot")) / 1e6, 100 * fromCache));
        System.out.println("\n" + report + "\n");
        Path out = Path.of("target", "benchmarks", "start.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
    }

    /**
     * The share of the classes a start with the cache loaded from it, read from {@code -Xlog:class+load} in one
     * extra, unmeasured start. A JVM that finds the cache unusable (another JVM, other jar paths, other module
     * options than the training run's) starts anyway, with one line of {@code -Xlog:aot} that nobody reads: the
     * benchmark once compared two starts without the cache. So it fails here instead.
     */
    private double shareOfClassesFromCache(Path aot, List<String> withCache) throws Exception {
        Path classes = home.resolve("class-load.log");
        List<String> logged = new ArrayList<>(withCache);
        logged.add("-Xlog:class+load=info:file=" + classes);
        start(aot.resolve("keyhole.jar"), logged).close();
        List<String> lines = Files.readAllLines(classes);
        long cached = lines.stream()
                .filter(line -> line.contains("source: shared objects file"))
                .count();
        double share = (double) cached / lines.size();
        assertThat(share)
                .as("classes loaded from the AOT cache (%d of %d); see %s", cached, lines.size(), classes)
                .isGreaterThan(0.5);
        return share;
    }

    /**
     * One start: wall-clock seconds to the first {@code /ping}, and the CPU seconds the JVM used until then (both
     * cores; less disturbed than the wall clock by other work on the machine).
     */
    private void timed(Path jar, List<String> jvmOptions, List<Double> wall, List<Double> cpu) throws Exception {
        long started = System.nanoTime();
        try (PackagedJar server = start(jar, jvmOptions)) {
            wall.add((System.nanoTime() - started) / 1e9);
            cpu.add(ProcessHandle.of(server.pid())
                            .flatMap(process -> process.info().totalCpuDuration())
                            .orElseThrow()
                            .toMillis()
                    / 1e3);
        }
    }

    private PackagedJar start(Path jar, List<String> jvmOptions) throws Exception {
        return PackagedJar.start(jar, home, jvmOptions);
    }

    private static String row(String what, List<Double> seconds) {
        List<Double> sorted = seconds.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "| %s | %.2f s | %.2f – %.2f s |",
                what,
                sorted.get(sorted.size() / 2),
                sorted.getFirst(),
                sorted.getLast());
    }
}
