package dev.keyhole.viewer.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.passkey.internal.EmulatedPasskey;
import dev.keyhole.viewer.passkeys.BrowserSession.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The viewer's passkey endpoints end to end over HTTP, with the real security chain, a real database and
 * an emulated authenticator: registering, listing, renaming, deleting, the second-factor policy, signing
 * in with a passkey, and unlocking with one.
 */
abstract class PasskeyEndpointsContract extends PasskeyServerCase {

    private static final String SIGN_IN = "/web/passkeys/sign-in";
    private static final String UNLOCK = "/web/passkeys/unlock";

    @Test
    void registeredPasskeyIsListedAndUnlocksTheVaultOnceItsWrappedKeyIsAttached() {
        Account alice = signUp("alice");
        BrowserSession browser = signedIn(alice);
        String laptop = register(browser, newAuthenticator(), "Laptop");

        JsonNode options = registrationOptions(browser);
        assertThat(options.path("rpId").asString()).isEqualTo("localhost");
        assertThat(options.path("rpName").asString()).isEqualTo("Keyhole");
        assertThat(options.path("userName").asString()).isEqualTo(alice.email());
        assertThat(Base64.getUrlDecoder().decode(options.path("userHandle").asString()))
                .hasSize(32);
        assertThat(Base64.getUrlDecoder().decode(options.path("prfSalt").asString()))
                .hasSize(32);
        assertThat(challenge(options)).hasSize(32);
        assertThat(options.path("excludeCredentialIds").valueStream().map(JsonNode::asString))
                .containsExactly(laptop);

        Response created =
                answerRegistration(browser, newAuthenticator().create(challenge(options), "localhost"), "  Phone ");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String phone = created.body().path("id").asString();
        assertThat(created.body().path("name").asString()).isEqualTo("Phone");
        assertThat(created.body().path("createdAt").asLong()).isPositive();
        assertThat(created.body().has("lastUsedAt"))
                .as("null is written, not left out")
                .isTrue();
        assertThat(created.body().path("lastUsedAt").isNull()).isTrue();
        assertThat(created.body().path("unlocksVault").asBoolean()).isFalse();

        assertThat(browser.put("/web/passkeys/" + phone + "/prf-key", prfKey((byte) 7))
                        .status())
                .isEqualTo(204);

        JsonNode list = browser.get("/web/passkeys").body();
        assertThat(list.path("max").asInt()).isEqualTo(10);
        assertThat(list.path("requiredAfterPassword").asBoolean()).isFalse();
        assertThat(list.path("passkeys")
                        .valueStream()
                        .map(p -> p.path("name").asString() + ":"
                                + p.path("unlocksVault").asBoolean()))
                .containsExactly("Laptop:false", "Phone:true");
    }

    @Test
    void passkeySignInOpensAWebSessionThatReadsTheVaultUnderANewSessionId() {
        Account alice = signUp("signin");
        EmulatedPasskey authenticator = newAuthenticator();
        register(signedIn(alice), authenticator, "Laptop");
        BrowserSession browser = anonymousBrowser();
        String anonymousCookie = browser.cookie();
        String anonymousCsrf = browser.csrfToken();
        assertThat(browser.get("/web/vault").status()).isEqualTo(401);

        JsonNode options = signInOptions(browser);
        assertThat(options.path("rpId").asString()).isEqualTo("localhost");
        assertThat(Base64.getUrlDecoder().decode(options.path("prfSalt").asString()))
                .hasSize(32);
        assertThat(options.has("allowCredentialIds"))
                .as("discoverable: no credential list")
                .isFalse();
        Response signedIn = answer(browser, SIGN_IN, assertion(authenticator, options));

        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        assertThat(browser.cookie()).as("session id rotated").isNotEqualTo(anonymousCookie);
        assertThat(signedIn.body().path("next").asString()).isEqualTo("/codes");
        assertThat(signedIn.body().has("prf")).isTrue();
        assertThat(signedIn.body().path("prf").isNull())
                .as("no wrapped key stored")
                .isTrue();
        String sessionKey = signedIn.body().path("sessionKey").asString();
        assertThat(Base64.getDecoder().decode(sessionKey)).hasSize(32);
        Response vault = browser.get("/web/vault");
        assertThat(vault.status()).as(vault.raw()).isEqualTo(200);
        assertThat(vault.body().path("keyAttributes").path("publicKey").asString())
                .isNotEmpty();
        assertThat(browser.get("/web/session-key").body().path("sessionKey").asString())
                .isEqualTo(sessionKey);
        assertThat(browser.withoutCookie().get("/web/vault").status()).isEqualTo(401);
        String rotatedCsrf = signedIn.body().path("csrfToken").asString();
        browser.useCsrfToken(anonymousCsrf);
        assertThat(browser.put("/web/settings", json("{\"autoLockMinutes\":5}")).status())
                .as("the login page's CSRF token is rotated away")
                .isEqualTo(403);
        browser.useCsrfToken(rotatedCsrf);
        assertThat(browser.put("/web/settings", json("{\"autoLockMinutes\":5}")).status())
                .isEqualTo(200);
        assertThat(signedIn(alice)
                        .get("/web/passkeys")
                        .body()
                        .path("passkeys")
                        .get(0)
                        .path("lastUsedAt")
                        .asLong())
                .isPositive();
    }

    @Test
    void passkeySignInHandsBackTheWrappedKeyOfThatPasskey() {
        EmulatedPasskey authenticator = newAuthenticator();
        BrowserSession owner = signedIn(signUp("prf"));
        String id = register(owner, authenticator, "Phone");
        ObjectNode wrapped = prfKey((byte) 3);
        owner.put("/web/passkeys/" + id + "/prf-key", wrapped);
        BrowserSession browser = anonymousBrowser();

        Response signedIn = answer(browser, SIGN_IN, assertion(authenticator, signInOptions(browser)));

        assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
        assertThat(signedIn.body().path("prf")).isEqualTo(wrapped);
    }

    @Test
    void aSignInAnswerCountsOnceAndAFailedAnswerUsesUpItsChallenge() {
        EmulatedPasskey authenticator = newAuthenticator();
        register(signedIn(signUp("replay")), authenticator, "Laptop");
        BrowserSession browser = anonymousBrowser();
        String answer = assertion(authenticator, signInOptions(browser));
        Response first = answer(browser, SIGN_IN, answer);
        assertThat(first.status()).isEqualTo(200);
        browser.useCsrfToken(first.body().path("csrfToken").asString());

        Response replayed = answer(browser, SIGN_IN, answer);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.code()).isEqualTo("CEREMONY_EXPIRED");
        BrowserSession other = anonymousBrowser();
        signInOptions(other);
        Response onNewChallenge = answer(other, SIGN_IN, answer);
        assertThat(onNewChallenge.status()).isEqualTo(401);
        assertThat(onNewChallenge.code()).isEqualTo("PASSKEY_REJECTED");
        assertThat(other.get("/web/vault").status()).isEqualTo(401);

        BrowserSession third = anonymousBrowser();
        JsonNode options = signInOptions(third);
        assertThat(answer(third, SIGN_IN, answer).code()).isEqualTo("PASSKEY_REJECTED");
        Response afterFailure = answer(third, SIGN_IN, assertion(authenticator, options));
        assertThat(afterFailure.code()).as("a failed answer ends its ceremony").isEqualTo("CEREMONY_EXPIRED");
    }

    @Test
    void anAnswerAfterFiveMinutesIsRefused() {
        EmulatedPasskey authenticator = newAuthenticator();
        register(signedIn(signUp("late")), authenticator, "Laptop");
        BrowserSession browser = anonymousBrowser();
        JsonNode options = signInOptions(browser);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Response late = answer(browser, SIGN_IN, assertion(authenticator, options));

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.code()).isEqualTo("CEREMONY_EXPIRED");
        assertThat(browser.get("/web/vault").status()).isEqualTo(401);
    }

    @Test
    void changingPasskeysNeedsASignInOrAPasskeyUnlockWithinTenMinutes() {
        EmulatedPasskey authenticator = newAuthenticator();
        BrowserSession browser = signedIn(signUp("unattended"));
        String laptop = register(browser, authenticator, "Laptop");
        assertThat(browser.put("/web/passkeys/" + laptop + "/prf-key", prfKey((byte) 3))
                        .status())
                .isEqualTo(204);
        assertThat(browser.put("/web/passkeys/policy", json("{\"requiredAfterPassword\":true}"))
                        .status())
                .isEqualTo(204);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        List<Response> refused = List.of(
                browser.put("/web/passkeys/policy", json("{\"requiredAfterPassword\":false}")),
                browser.delete("/web/passkeys/" + laptop),
                browser.post("/web/passkeys/registration/options", null),
                browser.put("/web/passkeys/" + laptop + "/prf-key", prfKey((byte) 4)));
        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).as(response.raw()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("RECENT_SIGN_IN_REQUIRED");
        });
        JsonNode unchanged = browser.get("/web/passkeys").body();
        assertThat(unchanged.path("requiredAfterPassword").asBoolean()).isTrue();
        assertThat(unchanged.path("passkeys").size()).isEqualTo(1);
        assertThat(browser.patch("/web/passkeys/" + laptop, json("{\"name\":\"Old laptop\"}"))
                        .status())
                .as("renaming weakens nothing")
                .isEqualTo(204);

        JsonNode options = browser.post("/web/passkeys/unlock/options", null).body();
        assertThat(answer(browser, UNLOCK, assertion(authenticator, options)).status())
                .isEqualTo(200);

        assertThat(browser.put("/web/passkeys/policy", json("{\"requiredAfterPassword\":false}"))
                        .status())
                .as("a passkey unlock proves who is there again")
                .isEqualTo(204);
    }

    @Test
    void aClonedAuthenticatorWhoseCounterFellBehindIsRefused() {
        EmulatedPasskey authenticator = newAuthenticator();
        register(signedIn(signUp("clone")), authenticator, "Laptop");
        BrowserSession clone = anonymousBrowser();
        BrowserSession original = anonymousBrowser();
        String staleAnswer = assertion(authenticator, signInOptions(clone));
        String freshAnswer = assertion(authenticator, signInOptions(original));

        assertThat(answer(original, SIGN_IN, freshAnswer).status()).isEqualTo(200);
        Response stale = answer(clone, SIGN_IN, staleAnswer);

        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.code()).isEqualTo("PASSKEY_REJECTED");
    }

    @Test
    void onlyTheOwnerRenamesOrDeletesAPasskeyAndADeletedOneSignsNobodyIn() {
        BrowserSession alice = signedIn(signUp("owner"));
        BrowserSession bob = signedIn(signUp("other"));
        EmulatedPasskey authenticator = newAuthenticator();
        String laptop = register(alice, authenticator, "Laptop");

        assertThat(alice.patch("/web/passkeys/" + laptop, json("{\"name\":\"Work laptop\"}"))
                        .status())
                .isEqualTo(204);
        Response renamedByBob = bob.patch("/web/passkeys/" + laptop, json("{\"name\":\"Mine\"}"));
        Response deletedByBob = bob.delete("/web/passkeys/" + laptop);
        Response unknown = alice.delete("/web/passkeys/AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(renamedByBob.status()).isEqualTo(404);
        assertThat(deletedByBob.status()).isEqualTo(404);
        assertThat(deletedByBob.body())
                .as("the same answer as for an unknown id")
                .isEqualTo(unknown.body());
        assertThat(deletedByBob.code()).isEqualTo("NOT_FOUND");
        assertThat(bob.put("/web/passkeys/" + laptop + "/prf-key", prfKey((byte) 1))
                        .status())
                .isEqualTo(404);
        assertThat(names(alice)).containsExactly("Work laptop");
        assertThat(names(bob)).isEmpty();

        assertThat(alice.delete("/web/passkeys/" + laptop).status()).isEqualTo(204);
        assertThat(names(alice)).isEmpty();
        BrowserSession browser = anonymousBrowser();
        assertThat(answer(browser, SIGN_IN, assertion(authenticator, signInOptions(browser)))
                        .code())
                .isEqualTo("PASSKEY_REJECTED");
    }

    @Test
    void thePolicyNeedsAPasskeyAndEndsWithTheLastOne() {
        BrowserSession browser = signedIn(signUp("policy"));
        Response withoutPasskey = browser.put("/web/passkeys/policy", json("{\"requiredAfterPassword\":true}"));
        assertThat(withoutPasskey.status()).isEqualTo(400);
        assertThat(withoutPasskey.code()).isEqualTo("NO_PASSKEY");
        assertThat(required(browser)).isFalse();

        String laptop = register(browser, newAuthenticator(), "Laptop");
        String phone = register(browser, newAuthenticator(), "Phone");
        assertThat(browser.put("/web/passkeys/policy", json("{\"requiredAfterPassword\":true}"))
                        .status())
                .isEqualTo(204);
        assertThat(required(browser)).isTrue();
        assertThat(browser.put("/web/passkeys/policy", json("{\"requiredAfterPassword\":false}"))
                        .status())
                .isEqualTo(204);
        assertThat(required(browser)).isFalse();
        browser.put("/web/passkeys/policy", json("{\"requiredAfterPassword\":true}"));

        assertThat(browser.delete("/web/passkeys/" + laptop).status()).isEqualTo(204);
        assertThat(required(browser)).as("one passkey is left").isTrue();
        assertThat(browser.delete("/web/passkeys/" + phone).status()).isEqualTo(204);
        assertThat(required(browser))
                .as("no passkey left: the policy must not lock the account out")
                .isFalse();
    }

    @Test
    void unlockHandsBackTheWrappedKeyOnlyForTheAccountsOwnPasskey() {
        BrowserSession alice = signedIn(signUp("unlock"));
        EmulatedPasskey withPrf = newAuthenticator();
        EmulatedPasskey withoutPrf = newAuthenticator();
        String unlocking = register(alice, withPrf, "Phone");
        register(alice, withoutPrf, "Old key");
        ObjectNode wrapped = prfKey((byte) 9);
        alice.put("/web/passkeys/" + unlocking + "/prf-key", wrapped);
        BrowserSession bob = signedIn(signUp("intruder"));
        EmulatedPasskey bobsPasskey = newAuthenticator();
        bob.put("/web/passkeys/" + register(bob, bobsPasskey, "Bob's") + "/prf-key", prfKey((byte) 1));

        JsonNode options = unlockOptions(alice);
        assertThat(options.path("allowCredentialIds").valueStream().map(JsonNode::asString))
                .containsExactly(unlocking);
        assertThat(options.path("rpId").asString()).isEqualTo("localhost");
        assertThat(options.path("prfSalt").asString())
                .isEqualTo(signInOptions(anonymousBrowser()).path("prfSalt").asString());
        Response unlocked = answer(alice, UNLOCK, assertion(withPrf, options));
        assertThat(unlocked.status()).as(unlocked.raw()).isEqualTo(200);
        assertThat(unlocked.body().path("prf")).isEqualTo(wrapped);

        Response noKey = answer(alice, UNLOCK, assertion(withoutPrf, unlockOptions(alice)));
        assertThat(noKey.status()).isEqualTo(409);
        assertThat(noKey.code()).isEqualTo("NO_PRF_KEY");
        Response foreign = answer(alice, UNLOCK, assertion(bobsPasskey, unlockOptions(alice)));
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.code()).isEqualTo("PASSKEY_REJECTED");
        assertThat(foreign.body().has("prf")).isFalse();
        Response replayed = answer(alice, UNLOCK, assertion(withPrf, options));
        assertThat(replayed.code()).as("the unlock challenge was used").isEqualTo("CEREMONY_EXPIRED");
    }

    @Test
    void eachPurposeAnswersOnlyItsOwnChallenge() {
        BrowserSession browser = signedIn(signUp("purposes"));
        EmulatedPasskey authenticator = newAuthenticator();
        register(browser, authenticator, "Laptop");

        JsonNode registration = registrationOptions(browser);
        Response asSignIn = answer(browser, SIGN_IN, authenticator.get(challenge(registration), "localhost"));
        assertThat(asSignIn.code()).isEqualTo("CEREMONY_EXPIRED");
        JsonNode signIn = signInOptions(browser);
        Response asUnlock = answer(browser, UNLOCK, assertion(authenticator, signIn));
        assertThat(asUnlock.code()).isEqualTo("CEREMONY_EXPIRED");
        String created = newAuthenticator().create(challenge(registration), "localhost");
        assertThat(answerRegistration(browser, created, "Second").status())
                .as("registration still pending")
                .isEqualTo(201);
        assertThat(answerRegistration(browser, created, "Again").code()).isEqualTo("CEREMONY_EXPIRED");
    }

    private JsonNode unlockOptions(BrowserSession browser) {
        Response options = browser.post("/web/passkeys/unlock/options", null);
        assertThat(options.status()).as(options.raw()).isEqualTo(200);
        return options.body();
    }

    private static java.util.List<String> names(BrowserSession browser) {
        return browser.get("/web/passkeys")
                .body()
                .path("passkeys")
                .valueStream()
                .map(p -> p.path("name").asString())
                .toList();
    }

    private static boolean required(BrowserSession browser) {
        return browser.get("/web/passkeys").body().path("requiredAfterPassword").asBoolean();
    }

    static JsonNode json(String text) {
        return BrowserSession.JSON.readTree(text);
    }
}
