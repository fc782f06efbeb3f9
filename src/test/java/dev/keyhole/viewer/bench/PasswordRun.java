package dev.keyhole.viewer.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * One pair of issue 14 item 4's measurement, on one freshly loaded {@code /login}: a bare Argon2id in the
 * page's own worker, then a password sign-in to the first code, with what the page marked during it (ms;
 * -1 for a measure the page did not make).
 */
record PasswordRun(
        double bare,
        double kdf,
        double firstCode,
        double decrypt,
        double decryptMain,
        double decryptWorker,
        String phases,
        String marks,
        String requests) {

    /** Submit to first code over the bare Argon2id run just before it. */
    double toBare() {
        return firstCode / bare;
    }

    /** Submit to first code over the Argon2id of the same sign-in: what the sign-in adds, free of the noise between two runs. */
    double toKdf() {
        return firstCode / kdf;
    }

    double afterKdf() {
        return firstCode - kdf;
    }

    static double median(List<PasswordRun> runs, ToDoubleFunction<PasswordRun> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The run whose submit to first code is the median (the lower middle one of an even number). */
    static PasswordRun medianRun(List<PasswordRun> runs) {
        List<PasswordRun> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(PasswordRun::firstCode))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Every run as "bare/kdf/first code", in the order they ran. */
    static String inOrder(List<PasswordRun> runs) {
        return runs.stream()
                .map(run -> String.format(Locale.ROOT, "%.0f/%.0f/%.0f", run.bare, run.kdf, run.firstCode))
                .collect(Collectors.joining(" "));
    }
}
