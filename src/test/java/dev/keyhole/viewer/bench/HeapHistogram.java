package dev.keyhole.viewer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code jcmd <pid> GC.class_histogram} of another JVM: it runs a full GC first, so its total is the live
 * heap, and its instance counts are the live objects of each class.
 */
record HeapHistogram(long liveBytes, Map<String, Long> instancesByClass) {

    static final String SESSION = "org.apache.catalina.session.StandardSession";
    static final String VAADIN = "com.vaadin.flow.server.VaadinSession";

    static HeapHistogram of(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.contains("Total")) {
            throw new IOException("jcmd failed: " + output);
        }
        long total = -1;
        Map<String, Long> instances = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3 && fields[0].equals("Total")) {
                total = Long.parseLong(fields[2]);
            } else if (fields.length >= 4 && fields[0].endsWith(":")) {
                instances.put(fields[3], Long.parseLong(fields[1]));
            }
        }
        if (total < 0) {
            throw new IOException("no total in the class histogram: " + output);
        }
        return new HeapHistogram(total, instances);
    }

    double liveMegabytes() {
        return liveBytes / (1024.0 * 1024.0);
    }

    long instances(String className) {
        return instancesByClass.getOrDefault(className, 0L);
    }
}
