package dev.keyhole.cli.imports;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The formats {@code keyhole import} reads; {@link #cliName} is what {@code --format} takes. */
public enum ImportFormat {
    OTPAUTH("otpauth", "otpauth URI list", new TextListImporter()),
    ENTE("ente", "Ente Auth plain-text export", new TextListImporter()),
    ENTE_ENCRYPTED("ente-encrypted", "Ente Auth encrypted export", new EnteEncryptedImporter()),
    GOOGLE("google", "Google Authenticator export", new TextListImporter()),
    AEGIS("aegis", AegisImporter.NAME, new AegisImporter()),
    TWOFAS("2fas", TwoFasImporter.NAME, new TwoFasImporter()),
    BITWARDEN("bitwarden", BitwardenImporter.NAME, new BitwardenImporter()),
    ANDOTP("andotp", AndOtpImporter.NAME, new AndOtpImporter()),
    PROTON("proton", ProtonImporter.NAME, new ProtonImporter());

    private final String cliName;
    private final String description;
    private final Importer importer;

    ImportFormat(String cliName, String description, Importer importer) {
        this.cliName = cliName;
        this.description = description;
        this.importer = importer;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    public ImportBatch read(byte[] file, FilePassword password) throws ImportException {
        return importer.read(file, password);
    }

    /** The format named on the command line, ignoring case. */
    public static ImportFormat named(String name) {
        for (ImportFormat format : values()) {
            if (format.cliName.equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown format '" + name + "'; use one of " + names() + ".");
    }

    public static String names() {
        return Arrays.stream(values()).map(ImportFormat::cliName).collect(Collectors.joining(", "));
    }
}
