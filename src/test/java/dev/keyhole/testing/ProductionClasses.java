package dev.keyhole.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Keyhole's own main classes, for the rules that read the code base (ArchUnit). */
public final class ProductionClasses {

    /**
     * Spring AOT's generated classes ({@code KeyholeApplication__BeanDefinitions},
     * {@code …__BeanFactoryRegistrations}, {@code …__Autowiring}, …) are compiled into target/classes by
     * {@code package}: they construct every feature's beans, internal ones included, which is their job and no
     * feature's dependency. Every generated name has the double underscore; no hand-written one does.
     */
    private static final ImportOption NOT_GENERATED_BY_SPRING_AOT =
            location -> !location.matches(java.util.regex.Pattern.compile(".*/[^/]*__[^/]*\\.class"));

    private ProductionClasses() {}

    public static JavaClasses imported() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NOT_GENERATED_BY_SPRING_AOT)
                .importPackages("dev.keyhole");
    }
}
