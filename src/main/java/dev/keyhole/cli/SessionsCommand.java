package dev.keyhole.cli;

import dev.keyhole.cli.client.AccountApi;
import dev.keyhole.crypto.Sha256;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(name = "sessions", description = "List the account's active sessions (apps, browsers, this CLI).")
final class SessionsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CliContext context;

    @Mixin
    ServerOption server = new ServerOption();

    SessionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SignedIn account = SignedIn.require(context, server);
        JsonNode sessions = new AccountApi(account.server())
                .sessions(account.account().token())
                .path("sessions");
        PrintWriter out = context.out();
        for (JsonNode session : sessions.values()) {
            boolean current = isThisSession(
                    session.path("token").asString(""), account.account().token());
            out.printf(
                    "%s%s  %s  last used %s%n",
                    current ? "* " : "  ",
                    client(session),
                    session.path("ip").asString("?"),
                    when(session.path("lastUsedTime").asLong(0)));
        }
        out.println(sessions.size() + " active session" + (sessions.size() == 1 ? "" : "s") + " (* this one).");
        return 0;
    }

    /**
     * Ente lists each session's token itself; Keyhole, which stores only hashes, the token's session id: the
     * lower-case hex SHA-256 of the token's 32 bytes.
     */
    static boolean isThisSession(String listed, String token) {
        if (listed.equals(token)) {
            return true;
        }
        try {
            return listed.equals(Sha256.hex(Base64.getUrlDecoder().decode(token)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String client(JsonNode session) {
        String pretty = session.path("prettyUA").asString("");
        return pretty.isBlank() ? session.path("ua").asString("unknown client") : pretty;
    }

    /** Ente's times are microseconds since the epoch. */
    private static String when(long micros) {
        if (micros <= 0) {
            return "never";
        }
        return WHEN.format(Instant.ofEpochMilli(micros / 1000).atZone(ZoneId.systemDefault()));
    }
}
