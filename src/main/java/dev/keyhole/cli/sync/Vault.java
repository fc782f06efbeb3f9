package dev.keyhole.cli.sync;

import dev.keyhole.cli.client.AuthenticatorApi;
import dev.keyhole.cli.client.AuthenticatorApi.Entity;
import dev.keyhole.cli.client.AuthenticatorApi.WrappedKey;
import dev.keyhole.cli.client.ServerException;
import dev.keyhole.crypto.Boxed;
import dev.keyhole.crypto.CryptoException;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.Streamed;
import dev.keyhole.otp.OtpCode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** An account's codes on the server, decrypted and encrypted here with the authenticator key. */
public final class Vault {

    /** The codes that could be read, and why others could not: they are reported, never silently dropped. */
    public record Contents(List<StoredCode> codes, List<String> unreadable) {}

    private final AuthenticatorApi api;
    private final EntityCodec codec;

    private Vault(AuthenticatorApi api, byte[] authenticatorKey) {
        this.api = api;
        this.codec = new EntityCodec(authenticatorKey);
    }

    /** Unwraps the account's authenticator key; empty when the account has none yet, so no codes either. */
    public static Optional<Vault> find(AuthenticatorApi api, byte[] masterKey) {
        return api.key().map(wrapped -> unwrap(api, wrapped, masterKey));
    }

    /** As {@link #find}, creating the key first if the account has none yet (as Ente's apps do, lazily). */
    public static Vault openOrCreate(AuthenticatorApi api, byte[] masterKey) {
        Optional<Vault> existing = find(api, masterKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = Sodium.randomBytes(32);
        Boxed boxed = Sodium.secretbox(key, masterKey);
        try {
            api.createKey(new WrappedKey(b64(boxed.ciphertext()), b64(boxed.nonce())));
            return new Vault(api, key);
        } catch (ServerException e) {
            // Another client created one meanwhile (409): use theirs, or every code it stores would be unreadable.
            if (e.status() == 409) {
                return find(api, masterKey).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static Vault unwrap(AuthenticatorApi api, WrappedKey wrapped, byte[] masterKey) {
        try {
            return new Vault(
                    api,
                    Sodium.secretboxOpen(
                            Base64.getDecoder().decode(wrapped.encryptedKey()),
                            Base64.getDecoder().decode(wrapped.header()),
                            masterKey));
        } catch (CryptoException | IllegalArgumentException e) {
            throw new IllegalStateException("The server's authenticator key does not open with this account's key.");
        }
    }

    /** Every code not deleted, in the server's order. */
    public Contents contents() {
        List<StoredCode> codes = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Entity entity : api.allEntities()) {
            if (entity.isDeleted() || entity.encryptedData() == null || entity.header() == null) {
                continue;
            }
            try {
                codes.add(new StoredCode(entity.id(), codec.decrypt(entity.encryptedData(), entity.header())));
            } catch (IllegalArgumentException e) {
                unreadable.add("entity " + entity.id() + " " + e.getMessage());
            }
        }
        return new Contents(codes, unreadable);
    }

    public String add(OtpCode code) {
        Streamed sealed = codec.encrypt(code);
        return api.createEntity(b64(sealed.ciphertext()), b64(sealed.header()));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
