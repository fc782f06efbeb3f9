package dev.keyhole.viewer;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.sync.EnteKeys;
import dev.keyhole.sync.EnteTestClient;
import dev.keyhole.sync.EnteVaultClient;
import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account and its codes, made through the sync API exactly as an Ente client makes them (sign-up with
 * the emailed code, key attributes at the server's Argon2id floor, SRP, authenticator key, encrypted
 * entities). The test's stand-in for a person's phone.
 */
public final class TestAccount {

    public static final String PASSWORD = "correct horse battery staple";
    private static final String FIXED_CODE = "123456";
    /**
     * One Argon2id derivation (seconds at the server's floor) for every account of the test run, as the sync
     * tests share theirs: the server only stores what the keys wrap, and no test compares two accounts' keys.
     */
    private static EnteKeys keys;

    public final String email;
    private final EnteVaultClient phone;
    private final Map<UUID, String> uris = new LinkedHashMap<>();
    /** Whether the account has its authenticator key (signUpWithoutCodes: not until the first code). */
    private boolean keyed;

    private TestAccount(String email, EnteVaultClient phone) {
        this.email = email;
        this.phone = phone;
    }

    public static TestAccount signUp(int port, String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.test";
        EnteTestClient client = new EnteTestClient(URI.create("http://localhost:" + port));
        client.signUp(email, FIXED_CODE, keys());
        TestAccount account = new TestAccount(email, new EnteVaultClient(client).openOrCreateKey());
        account.keyed = true;
        return account;
    }

    /**
     * An account as a new user has it before the first import: its keys, but no authenticator key yet (a
     * sync client creates that with the first code). The first {@link #add} creates it, as a phone would.
     */
    public static TestAccount signUpWithoutCodes(int port, String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.test";
        EnteTestClient client = new EnteTestClient(URI.create("http://localhost:" + port));
        client.signUp(email, FIXED_CODE, keys());
        return new TestAccount(email, new EnteVaultClient(client));
    }

    private static synchronized EnteKeys keys() {
        if (keys == null) {
            keys = EnteKeys.generate(PASSWORD);
        }
        return keys;
    }

    public UUID add(String otpauthUri) {
        if (!keyed) {
            phone.openOrCreateKey();
            keyed = true;
        }
        UUID id = phone.create(otpauthUri);
        uris.put(id, otpauthUri);
        return id;
    }

    void delete(UUID id) {
        EnteTestClient.expect(phone.delete(id), 200);
        uris.remove(id);
    }

    /** An entity no key opens: random bytes where the ciphertext should be. */
    void addUnreadable() {
        String body = JsonMapper.builder()
                .build()
                .createObjectNode()
                .put("encryptedData", Base64.getEncoder().encodeToString(Sodium.randomBytes(64)))
                .put("header", Base64.getEncoder().encodeToString(Sodium.randomBytes(24)))
                .toString();
        EnteTestClient.expect(
                phone.client()
                        .post(
                                "/authenticator/entity",
                                JsonMapper.builder().build().readTree(body)),
                200);
    }

    /** The otpauth URIs uploaded and not deleted, by entity id. */
    public Map<UUID, String> uris() {
        return Map.copyOf(uris);
    }

    public EnteTestClient client() {
        return phone.client();
    }

    /** Signs in again with the password, as a second device such as a browser would, and returns its token. */
    public String signInElsewhere(URI server) {
        EnteTestClient device = new EnteTestClient(server);
        EnteTestClient.expect(device.logIn(email, PASSWORD), 200);
        return device.token();
    }
}
