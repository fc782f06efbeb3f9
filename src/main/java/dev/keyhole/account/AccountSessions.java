package dev.keyhole.account;

import dev.keyhole.account.internal.BrowserSessionRepository;
import dev.keyhole.api.EpochMicros;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Every signed-in client of an account: the sync clients (a token each) and the viewer's browsers (which
 * hold no token). One list for Ente's {@code GET /users/sessions}, the viewer's sessions page and the CLI,
 * and one way to end any entry, by its public id.
 */
@Service
public class AccountSessions {

    /** As for tokens: a last-used time to the minute, so that each page load is not also a write. */
    private static final long TOUCH_GRANULARITY_MICROS = 60_000_000L;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenService tokens;
    private final BrowserSessionRepository browsers;
    private final Clock clock;
    private final long browserIdleMicros;

    AccountSessions(
            TokenService tokens,
            BrowserSessionRepository browsers,
            Clock clock,
            @Value("${server.servlet.session.timeout:30m}") Duration browserIdle) {
        this.tokens = tokens;
        this.browsers = browsers;
        this.clock = clock;
        this.browserIdleMicros = browserIdle.toNanos() / 1000;
    }

    /** Records a browser that just signed in; the id names it from now on (keep it in its HTTP session). */
    public String openBrowser(UserId user, ClientInfo client) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        browsers.insert(id, user.value(), client.userAgent(), client.ip(), EpochMicros.now(clock));
        return id;
    }

    /** The account of a browser still signed in, recording the use; empty once anyone ended it. */
    public Optional<UserId> useBrowser(String id) {
        Optional<UserId> user = browsers.findUserId(id).map(UserId::new);
        user.ifPresent(found -> browsers.touch(id, EpochMicros.now(clock), TOUCH_GRANULARITY_MICROS));
        return user;
    }

    /** The browser signed out or its HTTP session expired. */
    public void closeBrowser(String id) {
        browsers.delete(id);
    }

    /** Most recently used first. Browsers whose HTTP session must have expired are dropped on the way. */
    public List<AccountSession> list(UserId user) {
        if (browserIdleMicros > 0) {
            browsers.deleteUnusedSince(
                    user.value(), EpochMicros.now(clock) - browserIdleMicros - TOUCH_GRANULARITY_MICROS);
        }
        Stream<AccountSession> syncClients = tokens.sessions(user).stream()
                .map(token -> new AccountSession(
                        token.tokenHash(),
                        false,
                        token.clientPackage() != null
                                ? token.clientPackage()
                                : Objects.requireNonNullElse(token.userAgent(), ""),
                        token.userAgent(),
                        token.ip(),
                        token.createdAt(),
                        token.lastUsedAt()));
        Stream<AccountSession> browserSessions = browsers.findByUser(user.value()).stream()
                .map(browser -> new AccountSession(
                        browser.id(),
                        true,
                        "Web viewer, " + UserAgents.browser(browser.userAgent()),
                        browser.userAgent(),
                        browser.ip(),
                        browser.createdAt(),
                        browser.lastUsedAt()));
        return Stream.concat(syncClients, browserSessions)
                .sorted(Comparator.comparingLong(AccountSession::lastUsedAt)
                        .thenComparingLong(AccountSession::createdAt)
                        .reversed())
                .toList();
    }

    /**
     * Ends one of the user's sessions, a sync client's or a browser's, named by its public id (or, as Ente's
     * clients may send, by a token). Quiet when it is gone or another user's, as {@link TokenService#revoke}.
     */
    public void end(UserId user, String id) {
        tokens.revoke(user, id);
        browsers.delete(id, user.value());
    }

    /** Ente's "log out other devices": every other token, and every browser (none holds this token). */
    void endAllBut(CurrentUser keep) {
        tokens.revokeAllBut(keep);
        browsers.deleteAll(keep.userId().value());
    }
}
