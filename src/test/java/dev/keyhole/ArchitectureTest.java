package dev.keyhole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layout of README's "How it fits together", checked: one package per feature, dependencies
 * pointing one way (viewer → vault → account; cli and passkey on top), the building blocks depending on no
 * feature, and each feature's internals closed to the others.
 */
class ArchitectureTest {

    private static final JavaClasses KEYHOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keyhole");

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
}
