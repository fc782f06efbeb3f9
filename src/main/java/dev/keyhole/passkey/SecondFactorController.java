package dev.keyhole.passkey;

import dev.keyhole.account.SealedSignIn;
import dev.keyhole.ratelimit.LimitedPerAddress;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ente's passkey second-factor endpoints on the sync API (public: the client has no token yet, so limited per client address). finish takes
 * the credential as the browser's {@code PublicKeyCredential.toJSON()}, raw, for webauthn4j to parse.
 */
@RestController
class SecondFactorController {

    private final PasskeySecondFactor secondFactor;

    SecondFactorController(PasskeySecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @PostMapping("/users/two-factor/passkeys/begin")
    @LimitedPerAddress("passkey-second-factor-begin")
    SecondFactorChallenge begin(@RequestParam("sessionID") String sessionId) {
        return secondFactor.begin(sessionId);
    }

    @PostMapping("/users/two-factor/passkeys/finish")
    @LimitedPerAddress("passkey-second-factor-finish")
    SealedSignIn finish(
            @RequestParam("sessionID") String sessionId,
            @RequestParam("ceremonySessionID") String ceremonyId,
            @RequestBody String credential) {
        return secondFactor.finish(sessionId, ceremonyId, credential);
    }

    @GetMapping("/users/two-factor/passkeys/get-token")
    @LimitedPerAddress(value = "passkey-second-factor-token", polling = true)
    SealedSignIn getToken(@RequestParam("sessionID") String sessionId) {
        return secondFactor.token(sessionId);
    }
}
