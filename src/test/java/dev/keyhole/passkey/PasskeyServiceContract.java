package dev.keyhole.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.account.UserId;
import dev.keyhole.passkey.internal.EmulatedPasskey;
import dev.keyhole.web.ApiException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passkey registration, sign-in and management through the service, on a real database. */
@SpringBootTest(properties = "keyhole.public-url=http://localhost:8080")
abstract class PasskeyServiceContract {

    private static final AtomicInteger EMAILS = new AtomicInteger();

    @Autowired
    PasskeyService passkeys;

    @Autowired
    JdbcClient jdbc;

    private final EmulatedPasskey authenticator = new EmulatedPasskey("http://localhost:8080");
    private UserId alice;
    private UserId bob;

    @BeforeEach
    void twoAccounts() {
        alice = newUser();
        bob = newUser();
    }

    @Test
    void registeredPasskeyIsListedAndSignsItsOwnerIn() {
        Passkey registered = register(alice, "Laptop");

        assertThat(passkeys.list(alice))
                .extracting(Passkey::id, Passkey::name, Passkey::unlocksVault)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(registered.id(), "Laptop", false));
        SignedIn signedIn = signIn();
        assertThat(signedIn.user()).isEqualTo(alice);
        assertThat(signedIn.passkeyId()).isEqualTo(registered.id());
        assertThat(signedIn.prf()).isNull();
        assertThat(passkeys.list(alice).getFirst().lastUsedAt()).isNotNull();
    }

    @Test
    void signInReturnsThePrfWrappedKeyOnceAttached() {
        Passkey registered = register(alice, "Phone");
        PrfWrappedKey wrapped = new PrfWrappedKey("c2FsdA==", "d3JhcHBlZA==", "bm9uY2U=");

        passkeys.attachPrfKey(alice, registered.id(), wrapped);

        assertThat(signIn().prf()).isEqualTo(wrapped);
        assertThat(passkeys.list(alice).getFirst().unlocksVault()).isTrue();
    }

    @Test
    void registrationOptionsAskForADiscoverableCredentialOfThisRelyingParty() {
        Passkey existing = register(alice, "Laptop");

        RegistrationOptions options = passkeys.registrationOptions(
                alice, "alice@example.com", passkeys.newCeremony(Ceremony.Kind.REGISTRATION));

        assertThat(options.rpId()).isEqualTo("localhost");
        assertThat(options.excludeCredentialIds()).containsExactly(existing.id());
        assertThat(Base64.getUrlDecoder().decode(options.userHandle())).hasSize(32);
        assertThat(Base64.getUrlDecoder().decode(options.prfSalt())).hasSize(32);
    }

    @Test
    void aChallengeOfTheWrongKindIsRefused() {
        Ceremony signInCeremony = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        String response = authenticator.create(signInCeremony.challenge(), "localhost");

        assertThatThrownBy(() -> passkeys.register(alice, signInCeremony, response, "Laptop"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void anotherAccountCannotRenameOrDeleteAPasskeyAndSeesTheSameNotFound() {
        Passkey registered = register(alice, "Laptop");

        assertThatThrownBy(() -> passkeys.rename(bob, registered.id(), "Mine"))
                .isInstanceOf(ApiException.class)
                .hasMessage("No such passkey.");
        assertThatThrownBy(() -> passkeys.delete(bob, registered.id()))
                .isInstanceOf(ApiException.class)
                .hasMessage("No such passkey.");
        assertThatThrownBy(() -> passkeys.delete(bob, "unknown"))
                .isInstanceOf(ApiException.class)
                .hasMessage("No such passkey.");
        assertThat(passkeys.list(alice)).extracting(Passkey::name).containsExactly("Laptop");
    }

    @Test
    void renamingAndDeletingChangeOnlyTheOwnersPasskey() {
        Passkey laptop = register(alice, "Laptop");

        passkeys.rename(alice, laptop.id(), "Work laptop");
        assertThat(passkeys.list(alice)).extracting(Passkey::name).containsExactly("Work laptop");
        passkeys.delete(alice, laptop.id());

        assertThat(passkeys.list(alice)).isEmpty();
        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        String assertion = authenticator.get(ceremony.challenge(), "localhost");
        assertThatThrownBy(() -> passkeys.signIn(ceremony, assertion))
                .isInstanceOf(ApiException.class)
                .hasMessage("This passkey was not accepted.");
    }

    @Test
    void anAccountHoldsAtMostTenPasskeys() {
        for (int i = 0; i < PasskeyService.MAX_PASSKEYS; i++) {
            new EmulatedPasskeyRegistration(passkeys, alice).register("Key " + i);
        }

        assertThatThrownBy(() -> new EmulatedPasskeyRegistration(passkeys, alice).register("One too many"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("at most 10");
        assertThat(passkeys.list(alice)).hasSize(10);
    }

    @Test
    void requiringAPasskeyAfterThePasswordNeedsAPasskeyFirst() {
        assertThatThrownBy(() -> passkeys.requireAfterPassword(alice, true)).isInstanceOf(ApiException.class);
        assertThat(passkeys.requiredAfterPassword(alice)).isFalse();

        register(alice, "Laptop");
        passkeys.requireAfterPassword(alice, true);

        assertThat(passkeys.requiredAfterPassword(alice)).isTrue();
        assertThat(passkeys.requiredAfterPassword(bob)).isFalse();
    }

    @Test
    void deletingTheLastPasskeyTurnsThePolicyOffButDeletingAnotherDoesNot() {
        Passkey laptop = register(alice, "Laptop");
        Passkey phone = new EmulatedPasskeyRegistration(passkeys, alice).register("Phone");
        passkeys.requireAfterPassword(alice, true);

        passkeys.delete(alice, laptop.id());
        assertThat(passkeys.requiredAfterPassword(alice)).isTrue();
        passkeys.delete(alice, phone.id());

        assertThat(passkeys.requiredAfterPassword(alice)).isFalse();
        assertThat(passkeys.list(alice)).isEmpty();
    }

    @Test
    void verifyingForAnAccountRefusesAnotherAccountsPasskeyLikeAnUnknownOne() {
        register(alice, "Laptop");
        EmulatedPasskey bobsKey = new EmulatedPasskey("http://localhost:8080");
        Ceremony registration = passkeys.newCeremony(Ceremony.Kind.REGISTRATION);
        passkeys.register(bob, registration, bobsKey.create(registration.challenge(), "localhost"), "Bob's");

        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        String bobsAnswer = bobsKey.get(ceremony.challenge(), "localhost");
        assertThatThrownBy(() -> passkeys.verifyFor(alice, ceremony, bobsAnswer))
                .isInstanceOf(ApiException.class)
                .hasMessage("This passkey was not accepted.");

        Ceremony another = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        assertThat(passkeys.verifyFor(alice, another, authenticator.get(another.challenge(), "localhost"))
                        .user())
                .isEqualTo(alice);
    }

    @Test
    void anAnswerWhoseCounterWentBackIsRefused() {
        register(alice, "Laptop");
        Ceremony first = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        String older = authenticator.get(first.challenge(), "localhost");
        Ceremony second = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        String newer = authenticator.get(second.challenge(), "localhost");

        passkeys.verifyFor(alice, second, newer);

        assertThatThrownBy(() -> passkeys.verifyFor(alice, first, older))
                .isInstanceOf(ApiException.class)
                .hasMessage("This passkey was not accepted.");
    }

    private Passkey register(UserId user, String name) {
        passkeys.registrationOptions(user, "user@example.com", passkeys.newCeremony(Ceremony.Kind.REGISTRATION));
        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.REGISTRATION);
        return passkeys.register(user, ceremony, authenticator.create(ceremony.challenge(), "localhost"), name);
    }

    private SignedIn signIn() {
        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        return passkeys.signIn(ceremony, authenticator.get(ceremony.challenge(), "localhost"));
    }

    private UserId newUser() {
        String email = "passkey-" + EMAILS.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
        jdbc.sql("INSERT INTO users (email, created_at) VALUES (?, 0)")
                .param(email)
                .update();
        return new UserId(jdbc.sql("SELECT id FROM users WHERE email = ?")
                .param(email)
                .query(Long.class)
                .single());
    }

    /** A fresh authenticator each time, as ten different devices would be. */
    private record EmulatedPasskeyRegistration(PasskeyService passkeys, UserId user) {
        Passkey register(String name) {
            Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.REGISTRATION);
            String response = new EmulatedPasskey("http://localhost:8080").create(ceremony.challenge(), "localhost");
            return passkeys.register(user, ceremony, response, name);
        }
    }
}
