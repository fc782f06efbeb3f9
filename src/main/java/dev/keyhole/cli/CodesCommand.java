package dev.keyhole.cli;

import dev.keyhole.cli.sync.StoredCode;
import dev.keyhole.cli.sync.Vault;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpGenerator;
import dev.keyhole.otp.OtpType;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "codes",
        description = {
            "Print the current codes.",
            "With the seconds each stays valid and the next code. Trashed codes are hidden; HOTP codes are shown "
                    + "for the stored counter, which is never advanced."
        })
final class CodesCommand implements Callable<Integer> {

    private static final Comparator<OtpCode> ORDER = Comparator.comparing(
                    (OtpCode code) -> !code.display().pinned())
            .thenComparing(code -> code.issuer().toLowerCase(Locale.ROOT))
            .thenComparing(code -> code.account().toLowerCase(Locale.ROOT));

    private final CliContext context;

    @Mixin
    ServerOption server = new ServerOption();

    @Parameters(
            arity = "0..1",
            paramLabel = "FILTER",
            description = "Only codes whose issuer, account, tags or note contain this.")
    @Nullable
    String filter;

    CodesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Vault.Contents contents = SignedIn.require(context, server).readCodes(context);
        List<OtpCode> codes = contents.codes().stream()
                .map(StoredCode::code)
                .filter(code -> !code.display().trashed())
                .filter(this::matches)
                .sorted(ORDER)
                .toList();
        Instant now = context.clock().instant();
        int width = codes.stream().mapToInt(code -> title(code).length()).max().orElse(0);
        PrintWriter out = context.out();
        for (OtpCode code : codes) {
            out.printf("%-" + width + "s  %s%n", title(code), line(code, now));
        }
        if (codes.isEmpty()) {
            out.println(filter == null ? "No codes yet." : "No codes match '" + filter + "'.");
        }
        contents.unreadable().forEach(reason -> context.err().println("Could not read " + reason + "."));
        return 0;
    }

    private boolean matches(OtpCode code) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        return Stream.concat(
                        Stream.of(code.issuer(), code.account(), code.display().note()), code.display().tags().stream())
                .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(wanted));
    }

    static String title(OtpCode code) {
        String pin = code.display().pinned() ? "* " : "";
        if (code.issuer().isEmpty() || code.account().isEmpty()) {
            return pin + code.issuer() + code.account();
        }
        return pin + code.issuer() + " (" + code.account() + ")";
    }

    static String line(OtpCode code, Instant now) {
        if (code.error() != null) {
            return "-- " + code.error();
        }
        String current = grouped(OtpGenerator.current(code, now));
        String next = grouped(OtpGenerator.next(code, now));
        if (code.type() == OtpType.HOTP) {
            return current + "  counter " + code.counter() + "   next " + next;
        }
        return current + "  " + String.format("%2ds", OtpGenerator.secondsRemaining(code, now)) + "   next " + next;
    }

    /** 123 456, 123 4567, 1234 5678: two groups are easier to read and type; Steam's 5 letters stay whole. */
    static String grouped(String code) {
        if (code.length() < 6 || !code.chars().allMatch(Character::isDigit)) {
            return code;
        }
        int half = code.length() / 2;
        return code.substring(0, half) + " " + code.substring(half);
    }
}
