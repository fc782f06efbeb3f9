package dev.keyhole.passkey;

import dev.keyhole.account.UserId;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.crypto.Sha256;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.passkey.internal.PasskeyRejectedException;
import dev.keyhole.passkey.internal.PasskeyRepository;
import dev.keyhole.passkey.internal.PasskeyVerifier;
import dev.keyhole.passkey.internal.StoredCredential;
import dev.keyhole.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, sign-in and management of passkeys. Challenges are single-use and expire: the caller keeps
 * the {@link Ceremony} (in the HTTP session) and must drop it once answered, whatever the outcome.
 */
@Service
public class PasskeyService {

    public static final int MAX_PASSKEYS = 10;
    static final Duration CEREMONY_LIFETIME = Duration.ofMinutes(5);
    /**
     * One PRF salt for every credential: a discoverable sign-in does not know the credential in advance, so
     * it cannot pick a per-credential salt. The PRF output is still unique to each credential.
     */
    static final byte[] PRF_SALT = sha256("keyhole passkey vault unlock v1");

    private static final Logger log = LoggerFactory.getLogger(PasskeyService.class);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final PasskeyRepository passkeys;
    private final RelyingParty relyingParty;
    private final Clock clock;
    private final PasskeyVerifier verifier = new PasskeyVerifier();

    PasskeyService(PasskeyRepository passkeys, RelyingParty relyingParty, Clock clock) {
        this.passkeys = passkeys;
        this.relyingParty = relyingParty;
        this.clock = clock;
    }

    public Ceremony newCeremony(Ceremony.Kind kind) {
        return new Ceremony(kind, Sodium.randomBytes(32), clock.instant().plus(CEREMONY_LIFETIME));
    }

    @Transactional
    public RegistrationOptions registrationOptions(UserId user, String email, Ceremony ceremony) {
        return new RegistrationOptions(
                B64URL.encodeToString(ceremony.challenge()),
                relyingParty.id(),
                relyingParty.name(),
                userHandle(user),
                email,
                passkeys.credentialIds(user),
                B64URL.encodeToString(PRF_SALT));
    }

    public SignInOptions signInOptions(Ceremony ceremony) {
        return new SignInOptions(
                B64URL.encodeToString(ceremony.challenge()), relyingParty.id(), B64URL.encodeToString(PRF_SALT));
    }

    @Transactional
    public Passkey register(UserId user, Ceremony ceremony, String responseJson, String name) {
        requireFresh(ceremony, Ceremony.Kind.REGISTRATION);
        if (passkeys.count(user) >= MAX_PASSKEYS) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "TOO_MANY_PASSKEYS",
                    "An account can have at most " + MAX_PASSKEYS + " passkeys. Delete one first.");
        }
        StoredCredential credential = rejectingQuietly(() -> verifier.verifyRegistration(
                responseJson, ceremony.challenge(), relyingParty.origin(), relyingParty.id()));
        String id = B64URL.encodeToString(credential.credentialId());
        long now = EpochMicros.now(clock);
        passkeys.insert(user, id, cleanName(name), credential, now);
        return new Passkey(id, cleanName(name), now, null, false);
    }

    public void attachPrfKey(UserId user, String passkeyId, PrfWrappedKey key) {
        if (passkeys.attachPrfKey(user, passkeyId, key) == 0) {
            throw ApiException.notFound("No such passkey.");
        }
    }

    @Transactional
    public SignedIn signIn(Ceremony ceremony, String assertionJson) {
        requireFresh(ceremony, Ceremony.Kind.SIGN_IN);
        String id = credentialIdOf(assertionJson);
        return verified(ceremony, assertionJson, id, passkeys.findForSignIn(id).orElseThrow(PasskeyService::rejected));
    }

    /**
     * Verifies an assertion that must come from one of this account's passkeys (the second factor after a
     * password, or an unlock): the checks of {@link #signIn}, and another account's passkey is refused
     * exactly like an unknown one.
     */
    @Transactional
    public SignedIn verifyFor(UserId user, Ceremony ceremony, String assertionJson) {
        requireFresh(ceremony, Ceremony.Kind.SIGN_IN);
        String id = credentialIdOf(assertionJson);
        return verified(
                ceremony, assertionJson, id, passkeys.findByIdAndUser(id, user).orElseThrow(PasskeyService::rejected));
    }

    /** The ids of the account's passkeys (base64url), for an assertion that only they may answer. */
    public List<String> credentialIds(UserId user) {
        return passkeys.credentialIds(user);
    }

    private String credentialIdOf(String assertionJson) {
        return B64URL.encodeToString(rejectingQuietly(() -> verifier.credentialIdOf(assertionJson)));
    }

    private SignedIn verified(Ceremony ceremony, String assertionJson, String id, PasskeyRepository.Found found) {
        long counter = rejectingQuietly(() -> verifier.verifyAssertion(
                assertionJson, ceremony.challenge(), found.credential(), relyingParty.origin(), relyingParty.id()));
        if (!passkeys.recordUse(id, found.credential().signCount(), counter, EpochMicros.now(clock))) {
            log.warn("Passkey sign-in refused: signature counter did not advance (possible cloned authenticator)");
            throw rejected();
        }
        return new SignedIn(found.user(), id, found.prf());
    }

    public List<Passkey> list(UserId user) {
        return passkeys.list(user);
    }

    public void rename(UserId user, String passkeyId, String name) {
        if (passkeys.rename(user, passkeyId, cleanName(name)) == 0) {
            throw ApiException.notFound("No such passkey.");
        }
    }

    /** Deleting the last passkey also turns the second-factor policy off: never lock an account out. */
    @Transactional
    public void delete(UserId user, String passkeyId) {
        passkeys.lockAccount(user);
        if (passkeys.delete(user, passkeyId) == 0) {
            throw ApiException.notFound("No such passkey.");
        }
        if (passkeys.count(user) == 0 && passkeys.requiredAfterPassword(user)) {
            passkeys.setRequiredAfterPassword(user, false);
            log.info(
                    "Account {} deleted its last passkey; a passkey is no longer required after the password",
                    user.value());
        }
    }

    public boolean requiredAfterPassword(UserId user) {
        return passkeys.requiredAfterPassword(user);
    }

    /** The second-factor policy; turning it on needs a passkey to exist, or the account would lock itself out. */
    @Transactional
    public void requireAfterPassword(UserId user, boolean required) {
        userHandle(user);
        passkeys.lockAccount(user);
        if (required && passkeys.count(user) == 0) {
            throw ApiException.badRequest("NO_PASSKEY", "Register a passkey before requiring one.");
        }
        passkeys.setRequiredAfterPassword(user, required);
    }

    /** The account's WebAuthn user handle: random, so it tells an authenticator nothing about the user. */
    private String userHandle(UserId user) {
        return passkeys.userHandle(user).orElseGet(() -> {
            String created = B64URL.encodeToString(Sodium.randomBytes(32));
            passkeys.createAccount(user, created);
            return created;
        });
    }

    private void requireFresh(Ceremony ceremony, Ceremony.Kind kind) {
        if (ceremony.kind() != kind || ceremony.isExpired(clock.instant())) {
            throw ApiException.badRequest("CEREMONY_EXPIRED", "The passkey request expired. Try again.");
        }
    }

    private static <T> T rejectingQuietly(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (PasskeyRejectedException e) {
            log.info("{}", e.getMessage());
            throw rejected();
        }
    }

    private static ApiException rejected() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "PASSKEY_REJECTED", "This passkey was not accepted.");
    }

    private static String cleanName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw ApiException.badRequest("INVALID_NAME", "A passkey name has 1 to 100 characters.");
        }
        return trimmed;
    }

    private static byte[] sha256(String text) {
        return Sha256.digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
