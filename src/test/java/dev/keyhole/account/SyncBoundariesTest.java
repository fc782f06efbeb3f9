package dev.keyhole.account;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** vault depends on account, never the reverse; each feature's internal package is its own. */
class SyncBoundariesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.keyhole");

    @Test
    void accountDoesNotDependOnVault() {
        noClasses().that().resideInAPackage("dev.keyhole.account..")
                .should().dependOnClassesThat().resideInAPackage("dev.keyhole.vault..").check(MAIN);
    }

    @Test
    void accountInternalsAreUsedOnlyByAccount() {
        noClasses().that().resideOutsideOfPackage("dev.keyhole.account..")
                .should().dependOnClassesThat().resideInAPackage("dev.keyhole.account.internal..").check(MAIN);
    }

    @Test
    void vaultInternalsAreUsedOnlyByVault() {
        noClasses().that().resideOutsideOfPackage("dev.keyhole.vault..")
                .should().dependOnClassesThat().resideInAPackage("dev.keyhole.vault.internal..").check(MAIN);
    }
}
