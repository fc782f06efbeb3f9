package dev.keyhole.account;

import dev.keyhole.account.SrpLoginService.SrpAttributes;
import dev.keyhole.crypto.Sha256;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The SRP attributes answered for an email without an account. Each field is drawn the way real accounts get
 * theirs, and each from its own HMAC of the email under a server key kept in the database, so the answer is
 * the same on every node and after a restart, and no field can be predicted from another.
 */
final class DecoyAttributes {

    static final long MEBIBYTE = 1024L * 1024;

    /** One Argon2id setting that real accounts have, and how many decoys in a thousand get it. */
    record KdfSetting(long memLimit, long opsLimit, int perMille) {}

    /*
     * A real account keeps the settings of the client that signed up or last changed the password. Each client
     * has a first try and, while that memory cannot be had, halves the memory and doubles the passes; Keyhole
     * keeps only settings of at least 128 MiB and 4 GiB x ops (KdfLimits). Paths below are in
     * github.com/ente-io/ente unless another repository is named.
     * - 256 MiB x 16: the first try of Keyhole's CLI (cli/keys/Kdf), of Ente's web and desktop apps
     *   (web/packages/base/crypto/libsodium.ts, deriveSensitiveKey), of Ente's Rust core behind its CLI
     *   (rust/crates/core/src/crypto/argon.rs), of the Dart plugin of Ente's photos app
     *   (mobile/apps/photos/plugins/ente_crypto/lib/src/crypto.dart), and of the Ente Auth phone app on the
     *   iPhones it lists as low-end.
     * - 1 GiB x 4: libsodium's "sensitive" pair, the first try of the Ente Auth phone app on every other phone
     *   (github.com/ente-io/ente_crypto_dart, lib/src/crypto_util.dart, deriveSensitiveKey), and of Ente's
     *   web app before January 2025.
     * - 512 MiB x 8: the Ente Auth phone app's first fallback when 1 GiB cannot be had.
     * - 128 MiB x 32: every client's fallback from 256 MiB, and where web, Rust, the photos plugin and Keyhole's
     *   CLI stop. The Ente Auth phone app halves further (64 MiB x 64, ...), but Keyhole refuses those, so no
     *   account, and no decoy, has them.
     * The weights are an estimate of who signs up to a Keyhole server: most accounts from the CLI and Ente's
     * web and desktop apps, a large minority from the Ente Auth phone app (mostly on phones that manage
     * 1 GiB), and a fallback now and then.
     */
    static final List<KdfSetting> KDF_SETTINGS = List.of(
            new KdfSetting(256 * MEBIBYTE, 16, 550),
            new KdfSetting(1024 * MEBIBYTE, 4, 300),
            new KdfSetting(128 * MEBIBYTE, 32, 100),
            new KdfSetting(512 * MEBIBYTE, 8, 50));

    /*
     * Ente's server answers isEmailMFAEnabled true for one decoy in five (server/pkg/controller/user/srp.go,
     * fSrpAttributes); with no figures for Keyhole's own accounts, Keyhole keeps Ente's estimate. The draw
     * is made from the srpUserID, not the email, so that create-session, which sees only the srpUserID,
     * refuses exactly the decoys that said "email verification is on", as it refuses real such accounts.
     */
    static final int EMAIL_MFA_PER_MILLE = 200;

    private static final int PER_MILLE = 1000;

    private DecoyAttributes() {}

    /**
     * The decoy for a normalised email. The srpUserID and both salts come from the same HMACs as before
     * the KDF settings were widened, so a decoy seen earlier keeps them.
     */
    static SrpAttributes forEmail(byte[] key, String email) {
        byte[] identity = Sha256.hmac(key, "srp", email);
        byte[] kekSalt = Arrays.copyOf(Sha256.hmac(key, "kek-salt", email), 16);
        // Real srpUserIDs are random (version 4) UUIDs in every client.
        identity[6] = (byte) ((identity[6] & 0x0f) | 0x40);
        identity[8] = (byte) ((identity[8] & 0x3f) | 0x80);
        ByteBuffer uuid = ByteBuffer.wrap(identity, 0, 16);
        KdfSetting kdf = kdfSetting(key, email);
        UUID srpUserId = new UUID(uuid.getLong(), uuid.getLong());
        return new SrpAttributes(
                srpUserId,
                Base64.getEncoder().encodeToString(Arrays.copyOfRange(identity, 16, 32)),
                kdf.memLimit(),
                kdf.opsLimit(),
                Base64.getEncoder().encodeToString(kekSalt),
                emailMfa(key, srpUserId));
    }

    /**
     * Whether the decoy with this srpUserID says email verification is on: for the attributes, and for
     * create-session with an srpUserID that no account has.
     */
    static boolean emailMfa(byte[] key, UUID srpUserId) {
        long draw = Long.remainderUnsigned(
                ByteBuffer.wrap(Sha256.hmac(key, "email-mfa", srpUserId.toString()))
                        .getLong(),
                PER_MILLE);
        return draw < EMAIL_MFA_PER_MILLE;
    }

    /** A draw of its own: tying it to a salt byte would make a salt tell a decoy from a real account. */
    private static KdfSetting kdfSetting(byte[] key, String email) {
        long draw = Long.remainderUnsigned(
                ByteBuffer.wrap(Sha256.hmac(key, "kdf", email)).getLong(), PER_MILLE);
        for (KdfSetting setting : KDF_SETTINGS) {
            draw -= setting.perMille();
            if (draw < 0) {
                return setting;
            }
        }
        throw new IllegalStateException("the KDF weights must add up to " + PER_MILLE);
    }
}
