package dev.keyhole.cli.imports;

import dev.keyhole.cli.keys.Passwords;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import tools.jackson.databind.JsonNode;

/**
 * Opens an encrypted Aegis vault: each password slot (type 1) wraps the vault's master key under
 * scrypt(password, salt, n, r, p) with AES-256-GCM; the master key then decrypts {@code db} (base64) with the
 * nonce and tag of {@code header.params}. All binary header fields are hex.
 */
final class AegisDecryption {

    private static final int PASSWORD_SLOT = 1;
    private static final HexFormat HEX = HexFormat.of();

    private AegisDecryption() {}

    static String decrypt(JsonNode header, String db, FilePassword password) throws ImportException {
        try {
            byte[] masterKey = masterKey(header.path("slots"), password);
            JsonNode params = header.path("params");
            byte[] plaintext = AesGcm.decrypt(
                    masterKey,
                    HEX.parseHex(Json.text(params, "nonce")),
                    AesGcm.concat(Base64.getMimeDecoder().decode(db), HEX.parseHex(Json.text(params, "tag"))));
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new ImportException("The " + AegisImporter.NAME + " is corrupted: its contents fail authentication.");
        } catch (IllegalArgumentException e) {
            throw new ImportException("The " + AegisImporter.NAME + " is corrupted: " + e.getMessage() + ".");
        }
    }

    private static byte[] masterKey(JsonNode slots, FilePassword password) throws ImportException {
        List<JsonNode> passwordSlots = slots.values().stream()
                .filter(slot -> slot.path("type").asInt(-1) == PASSWORD_SLOT)
                .toList();
        if (passwordSlots.isEmpty()) {
            throw new ImportException(
                    "This " + AegisImporter.NAME + " can only be unlocked by biometrics; export it with a password.");
        }
        byte[] secret = Passwords.take(password.ask());
        try {
            for (JsonNode slot : passwordSlots) {
                byte[] key = Scrypt.derive(
                        secret,
                        HEX.parseHex(Json.text(slot, "salt")),
                        slot.path("n").asLong(0),
                        slot.path("r").asInt(0),
                        slot.path("p").asInt(0),
                        32);
                JsonNode params = slot.path("key_params");
                try {
                    return AesGcm.decrypt(
                            key,
                            HEX.parseHex(Json.text(params, "nonce")),
                            AesGcm.concat(
                                    HEX.parseHex(Json.text(slot, "key")), HEX.parseHex(Json.text(params, "tag"))));
                } catch (AEADBadTagException wrongPassword) {
                    // Another password slot may match.
                }
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        throw new ImportException("Wrong password for this " + AegisImporter.NAME + ".");
    }
}
