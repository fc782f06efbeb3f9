package dev.keyhole.passkey;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.ClientInfo;
import dev.keyhole.account.SealedSignIn;
import dev.keyhole.account.SecondFactor;
import dev.keyhole.account.UserId;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.crypto.Sha256;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.passkey.internal.PasskeyRepository;
import dev.keyhole.passkey.internal.PendingSignInRepository;
import dev.keyhole.passkey.internal.PendingSignInRepository.PendingSignIn;
import dev.keyhole.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "A passkey after the password", Ente's way: a sign-in that passed its password or emailed code is held
 * under a random passkeySessionID for 10 minutes; {@link #begin} opens a WebAuthn ceremony for the account's
 * passkeys, {@link #finish} verifies the answer and only then issues the token, and {@link #token} hands the
 * sealed token to clients that poll (Ente's CLI and apps, whose user approved in a browser).
 */
@Service
class PasskeySecondFactor implements SecondFactor {

    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final int ID_BYTES = 32;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final PendingSignInRepository pending;
    private final PasskeyRepository passkeyStore;
    private final PasskeyService passkeys;
    private final AccountService accounts;
    private final RelyingParty relyingParty;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PasskeySecondFactor(
            PendingSignInRepository pending,
            PasskeyRepository passkeyStore,
            PasskeyService passkeys,
            AccountService accounts,
            RelyingParty relyingParty,
            TransactionTemplate transaction,
            Clock clock) {
        this.pending = pending;
        this.passkeyStore = passkeyStore;
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.relyingParty = relyingParty;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public boolean requiredFor(UserId user) {
        return passkeyStore.passkeyRequiredAfterPassword(user);
    }

    @Override
    public Pending hold(UserId user, ClientInfo client) {
        String sessionId = B64URL.encodeToString(Sodium.randomBytes(ID_BYTES));
        long now = EpochMicros.now(clock);
        pending.insert(hash(sessionId), user, client, now, now + PENDING_LIFETIME.toNanos() / 1_000);
        return new Pending(sessionId, relyingParty.origin());
    }

    SecondFactorChallenge begin(String sessionId) {
        String key = hash(sessionId);
        PendingSignIn waiting = waiting(key);
        List<String> credentialIds = passkeys.credentialIds(waiting.user());
        if (credentialIds.isEmpty()) {
            throw ApiException.badRequest(
                    "NO_PASSKEY", "This account has no passkey any more. Sign in again with your password.");
        }
        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        String ceremonyId = B64URL.encodeToString(Sodium.randomBytes(ID_BYTES));
        String challenge = B64URL.encodeToString(ceremony.challenge());
        if (!pending.openCeremony(
                key, ceremonyId, challenge, EpochMicros.of(ceremony.expiresAt()), EpochMicros.now(clock))) {
            throw expired();
        }
        return SecondFactorChallenge.of(
                ceremonyId, challenge, relyingParty.id(), PasskeyService.CEREMONY_LIFETIME.toMillis(), credentialIds);
    }

    /**
     * The ceremony is taken (and that committed) before the answer is checked, so that it is answered at most
     * once whatever the outcome; verification, the token and the "finished" mark then commit together.
     */
    SealedSignIn finish(String sessionId, String ceremonyId, String credentialJson) {
        String key = hash(sessionId);
        PendingSignIn waiting = waiting(key);
        if (!ceremonyId.equals(waiting.ceremonyId()) || !pending.takeCeremony(key, ceremonyId)) {
            throw ceremonyExpired();
        }
        Ceremony ceremony = new Ceremony(
                Ceremony.Kind.SIGN_IN,
                Base64.getUrlDecoder().decode(Objects.requireNonNull(waiting.ceremonyChallenge())),
                instantOf(Objects.requireNonNull(waiting.ceremonyExpiresAt())));
        return Objects.requireNonNull(transaction.execute(status -> {
            passkeys.verifyFor(waiting.user(), ceremony, credentialJson);
            SealedSignIn signedIn = accounts.completeHeldSignIn(waiting.user(), waiting.client());
            if (!pending.finish(key, signedIn.encryptedToken(), EpochMicros.now(clock))) {
                throw expired();
            }
            return signedIn;
        }));
    }

    /** What finish returned, for clients that poll; refused until then, and after the session expired. */
    SealedSignIn token(String sessionId) {
        PendingSignIn found =
                pending.find(hash(sessionId)).filter(this::live).orElseThrow(PasskeySecondFactor::expired);
        if (found.finishedAt() == null || found.encryptedToken() == null) {
            throw ApiException.badRequest("PASSKEY_NOT_VERIFIED", "No passkey has confirmed this sign-in yet.");
        }
        return new SealedSignIn(
                found.user().value(), accounts.keyAttributes(found.user()).orElseThrow(), found.encryptedToken());
    }

    /** A sign-in still waiting for its passkey: known, not expired, not finished. */
    private PendingSignIn waiting(String key) {
        return pending.find(key)
                .filter(this::live)
                .filter(found -> found.finishedAt() == null)
                .orElseThrow(PasskeySecondFactor::expired);
    }

    private boolean live(PendingSignIn found) {
        return found.expiresAt() >= EpochMicros.now(clock);
    }

    private static Instant instantOf(long epochMicros) {
        return Instant.ofEpochSecond(0, Math.multiplyExact(epochMicros, 1_000L));
    }

    /** The stored key of a session id: its SHA-256, so that a copy of the table names no live session. */
    private static String hash(String sessionId) {
        return Sha256.hex(sessionId.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException expired() {
        return ApiException.badRequest(
                "PASSKEY_SESSION_EXPIRED",
                "This sign-in is no longer waiting for a passkey. Sign in again with your password.");
    }

    private static ApiException ceremonyExpired() {
        return ApiException.badRequest("CEREMONY_EXPIRED", "The passkey request expired. Try again.");
    }
}
