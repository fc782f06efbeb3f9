package dev.keyhole.viewer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With {@code -Dpoll.jfr=true}, a JDK Flight Recorder profile of the server for each measured request
 * (started and stopped with jcmd around it), as {@code target/benchmarks/polling-DB-NAME.jfr}; read one with
 * {@code jfr view hot-methods FILE}. Without it, the measurement alone.
 */
record Profile(long pid, String database) {

    interface Measurement {
        String run() throws Exception;
    }

    String of(String name, Measurement measurement) throws Exception {
        if (!Boolean.getBoolean("poll.jfr")) {
            return measurement.run();
        }
        Path file = Path.of("target", "benchmarks", "polling-" + database + "-" + name + ".jfr")
                .toAbsolutePath();
        Files.createDirectories(file.getParent());
        jcmd("JFR.start", "name=" + name, "settings=profile");
        try {
            return measurement.run();
        } finally {
            jcmd("JFR.stop", "name=" + name, "filename=" + file);
        }
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        String[] full = new String[command.length + 2];
        full[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        full[1] = Long.toString(pid);
        System.arraycopy(command, 0, full, 2, command.length);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor();
    }
}
