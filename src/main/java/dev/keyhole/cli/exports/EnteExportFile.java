package dev.keyhole.cli.exports;

/**
 * Ente Auth's encrypted export, version 1, as it is written to disk. Binary fields are standard base64.
 *
 * @param encryptionNonce the secretstream header of the single chunk, despite its name
 */
public record EnteExportFile(int version, KdfParams kdfParams, String encryptedData, String encryptionNonce) {

    public static final int VERSION = 1;

    /** Argon2id parameters: memLimit in bytes. */
    public record KdfParams(long memLimit, long opsLimit, String salt) {}
}
