package dev.keyhole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.testing.ProductionClasses;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The package layout of README's "How it fits together", checked: one package per feature, dependencies
 * pointing one way (viewer → vault → account; cli and passkey on top), the building blocks depending on no
 * feature, and each feature's internals closed to the others. Plus the zero-knowledge invariant: only the
 * CLI decrypts or derives keys.
 */
class ArchitectureTest {

    private static final JavaClasses KEYHOLE = ProductionClasses.imported();

    /**
     * The {@link Sodium} methods that need a secret the server must never hold: the ones that open what a
     * client sealed, and the ones that turn a password or a key into another key. The server's own uses of
     * {@code Sodium} (random bytes, sealing a token to a client's public key) stay allowed.
     */
    private static final Set<String> SODIUM_DECRYPTING_OR_DERIVING =
            Set.of("secretboxOpen", "secretstreamDecrypt", "sealedBoxOpen", "argon2id", "loginKey", "kdfDerive");

    /**
     * The same operations straight on lazysodium or its JNA binding, in either spelling (lazysodium's
     * {@code cryptoSecretBoxOpenEasy}, libsodium's {@code crypto_secretbox_open_easy}): compared with the
     * underscores removed, in lower case. {@code box(seal)open} also covers crypto_box_open, and
     * {@code decrypt} the AEAD constructions, which Keyhole does not use today.
     */
    private static final Pattern LAZYSODIUM_DECRYPTING_OR_DERIVING = Pattern.compile(
            "crypto(secret)?box(seal)?open.*|cryptosecretstream.*pull.*|cryptopwhash.*|cryptokdf.*derive.*|.*decrypt.*");

    private static final DescribedPredicate<JavaAccess<?>> DECRYPTING_OR_DERIVING_KEYS =
            DescribedPredicate.describe("a Sodium or lazysodium method that decrypts or derives a key", access -> {
                if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
                    return false;
                }
                String owner = target.getOwner().getName();
                String name = target.getName();
                if (owner.equals(Sodium.class.getName())) {
                    return SODIUM_DECRYPTING_OR_DERIVING.contains(name);
                }
                return owner.startsWith("com.goterl.lazysodium.")
                        && LAZYSODIUM_DECRYPTING_OR_DERIVING
                                .matcher(name.replace("_", "").toLowerCase(Locale.ROOT))
                                .matches();
            });

    @Test
    void featuresHaveNoDependencyCycles() {
        slices().matching("dev.keyhole.(*)..").should().beFreeOfCycles().check(KEYHOLE);
    }

    @Test
    void buildingBlocksDependOnNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.keyhole.crypto..",
                        "dev.keyhole.otp..",
                        "dev.keyhole.web..",
                        "dev.keyhole.api..",
                        "dev.keyhole.ratelimit..",
                        "dev.keyhole.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.keyhole.account..",
                        "dev.keyhole.vault..",
                        "dev.keyhole.passkey..",
                        "dev.keyhole.viewer..",
                        "dev.keyhole.cli..")
                .allowEmptyShould(true)
                .check(KEYHOLE);
    }

    @Test
    void accountKnowsNothingOfTheFeaturesBuiltOnIt() {
        noClasses()
                .that()
                .resideInAPackage("dev.keyhole.account..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.keyhole.vault..", "dev.keyhole.passkey..", "dev.keyhole.viewer..", "dev.keyhole.cli..")
                .allowEmptyShould(true)
                .check(KEYHOLE);
    }

    @Test
    void vaultKnowsNothingOfTheViewerOrTheCli() {
        noClasses()
                .that()
                .resideInAPackage("dev.keyhole.vault..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.keyhole.viewer..", "dev.keyhole.cli..")
                .allowEmptyShould(true)
                .check(KEYHOLE);
    }

    @Test
    void theServerDoesNotDependOnTheCli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.keyhole.cli..")
                .and()
                .doNotHaveSimpleName("KeyholeApplication")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.keyhole.cli..")
                .allowEmptyShould(true)
                .check(KEYHOLE);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnFeature() {
        for (String feature : new String[] {"account", "vault", "passkey", "viewer", "cli"}) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("dev.keyhole." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.keyhole." + feature + ".internal..")
                    .allowEmptyShould(true)
                    .check(KEYHOLE);
        }
    }

    /**
     * Zero knowledge: the server stores what clients sealed and never holds a key that opens it. Only the
     * CLI (a client that happens to share the jar) and the crypto wrapper itself may decrypt or derive keys;
     * a call anywhere else means the server could read a vault or learn a password.
     */
    @Test
    void onlyTheCliDecryptsOrDerivesKeys() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.keyhole.cli..", "dev.keyhole.crypto..")
                .should()
                .accessTargetWhere(DECRYPTING_OR_DERIVING_KEYS)
                .because("the server must never decrypt what a client sealed nor derive a client's keys"
                        + " (the zero-knowledge invariant); only the CLI, a client in the same jar, may")
                .check(KEYHOLE);
    }
}
