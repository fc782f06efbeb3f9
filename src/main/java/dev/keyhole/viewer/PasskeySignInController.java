package dev.keyhole.viewer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keyhole.passkey.Ceremony;
import dev.keyhole.passkey.PasskeyService;
import dev.keyhole.passkey.PrfWrappedKey;
import dev.keyhole.passkey.SignInOptions;
import dev.keyhole.passkey.SignedIn;
import dev.keyhole.ratelimit.LimitedPerAddress;
import dev.keyhole.viewer.PasskeyCeremonies.Purpose;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Signing in with a passkey, no email or password typed: a discoverable credential says whose it is. It
 * opens the same web session as a password sign-in, and satisfies the "passkey after password" policy by
 * itself (possession plus user verification). Open to anonymous browsers, like {@code POST /web/session},
 * and so limited per client address.
 */
@RestController
class PasskeySignInController {

    static final String OPTIONS_PATH = "/web/passkeys/sign-in/options";
    static final String SIGN_IN_PATH = "/web/passkeys/sign-in";

    record Answer(@Nullable JsonNode credential) {}

    /** The web session, plus the master key wrapped for this passkey's PRF output (null: none stored). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Opened(
            String sessionKey,
            String next,
            String csrfToken,
            @Nullable PrfWrappedKey prf) {}

    private final PasskeyService passkeys;
    private final WebSessionOpener sessions;

    PasskeySignInController(PasskeyService passkeys, WebSessionOpener sessions) {
        this.passkeys = passkeys;
        this.sessions = sessions;
    }

    @PostMapping(OPTIONS_PATH)
    @LimitedPerAddress("passkey-sign-in-options")
    SignInOptions options(HttpServletRequest request) {
        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        PasskeyCeremonies.hold(request.getSession(), Purpose.SIGN_IN, ceremony);
        return passkeys.signInOptions(ceremony);
    }

    @PostMapping(SIGN_IN_PATH)
    @LimitedPerAddress("passkey-sign-in")
    Opened signIn(@RequestBody Answer body, HttpServletRequest request, HttpServletResponse response) {
        Optional<Ceremony> ceremony = PasskeyCeremonies.take(request, Purpose.SIGN_IN);
        String credential = CredentialJson.of(body.credential());
        SignedIn signedIn = passkeys.signIn(ceremony.orElseThrow(PasskeyCeremonies::expired), credential);
        WebSessionOpener.Opened opened = sessions.open(signedIn.user(), request, response);
        return new Opened(opened.sessionKey(), opened.next(), opened.csrfToken(), signedIn.prf());
    }
}
