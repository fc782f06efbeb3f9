package dev.keyhole.cli.exports;

import dev.keyhole.cli.keys.DerivedKey;
import dev.keyhole.cli.keys.Kdf;
import dev.keyhole.crypto.CryptoException;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.Streamed;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads Ente Auth exports. The plain text is one otpauth URI per line, each ending in a newline,
 * with every ',' written as "%2C" as Ente does; the encrypted export is that text as a single secretstream
 * chunk under Argon2id(password).
 */
public final class EnteExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private EnteExport() {}

    public static String plainText(List<OtpCode> codes) {
        StringBuilder text = new StringBuilder();
        codes.forEach(
                code -> text.append(OtpAuthUri.format(code).replace(",", "%2C")).append('\n'));
        return text.toString();
    }

    /** Encrypts with Ente's adaptive sensitive parameters (256 MiB / 16 ops, or 128 MiB / 32). */
    public static String encrypt(String plainText, byte[] password) {
        return encrypt(plainText, Kdf.sensitive(password));
    }

    /** Encrypts under a key already derived, with the parameters it was derived with. */
    static String encrypt(String plainText, DerivedKey key) {
        Streamed sealed = Sodium.secretstreamEncrypt(plainText.getBytes(StandardCharsets.UTF_8), key.key());
        EnteExportFile file = new EnteExportFile(
                EnteExportFile.VERSION,
                new EnteExportFile.KdfParams(key.memLimit(), key.opsLimit(), B64.encodeToString(key.salt())),
                B64.encodeToString(sealed.ciphertext()),
                B64.encodeToString(sealed.header()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n";
    }

    /** Reads the JSON of an encrypted export; its parameters are checked before any key is derived. */
    public static EnteExportFile parse(String json) throws ExportFileException {
        EnteExportFile file;
        try {
            file = JSON.readValue(json, EnteExportFile.class);
        } catch (JacksonException e) {
            throw new ExportFileException("The Ente export is corrupted: it is not the export's JSON.");
        }
        if (file.version() != EnteExportFile.VERSION) {
            throw new ExportFileException("Ente export version " + file.version() + " is not supported (only 1).");
        }
        if (file.kdfParams() == null || file.encryptedData() == null || file.encryptionNonce() == null) {
            throw new ExportFileException("The Ente export is corrupted: a field is missing.");
        }
        return file;
    }

    /** The plain text of an encrypted export. */
    public static String decrypt(EnteExportFile file, byte[] password) throws ExportFileException {
        byte[] salt;
        byte[] ciphertext;
        byte[] header;
        try {
            salt = Base64.getDecoder().decode(file.kdfParams().salt());
            ciphertext = Base64.getDecoder().decode(file.encryptedData());
            header = Base64.getDecoder().decode(file.encryptionNonce());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ExportFileException("The Ente export is corrupted: a field is not base64.");
        }
        byte[] key;
        try {
            key = Kdf.derive(
                    password,
                    salt,
                    file.kdfParams().opsLimit(),
                    file.kdfParams().memLimit());
        } catch (CryptoException e) {
            throw new ExportFileException("The Ente export's key parameters are unusable (or need more memory).");
        }
        try {
            return new String(Sodium.secretstreamDecrypt(ciphertext, header, key), StandardCharsets.UTF_8);
        } catch (CryptoException e) {
            // Authenticated encryption cannot tell a wrong key from damaged data; a wrong password is the likelier.
            throw new ExportFileException("Wrong password for this export file (or the file is corrupted).");
        }
    }
}
