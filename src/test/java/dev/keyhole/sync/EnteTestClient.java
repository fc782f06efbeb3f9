package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteKeys.unb64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sync client written from the protocol as docs/protocol.md (§1-4) describes it, the way Ente's apps talk
 * to a server: plain HTTP and JSON, crypto from the crypto package (checked against the shared vectors by
 * its own tests). One instance is one signed-in device.
 */
public final class EnteTestClient {

    /** {@code retryAfter}: the Retry-After header of a 429, or empty. */
    public record Response(int status, JsonNode body, String retryAfter) {
        public String code() {
            return body.path("code").asString("");
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI server;
    private final HttpClient http;
    private @Nullable String token;
    private byte @Nullable [] masterKey;

    public EnteTestClient(URI server) {
        this.server = server;
        this.http = HTTP;
    }

    /** A device at another address: its connections leave from {@code localAddress} (e.g. 127.0.0.2). */
    public EnteTestClient(URI server, InetAddress localAddress) {
        this.server = server;
        this.http = HttpClient.newBuilder().localAddress(localAddress).build();
    }

    /** Sign-up as Ente's web client does it: code, token, key attributes, then the SRP verifier. */
    public void signUp(String email, String code, EnteKeys keys) {
        expect(post("/users/ott", JSON.createObjectNode().put("email", email).put("purpose", "signup")), 200);
        JsonNode verified = expect(
                        post(
                                "/users/verify-email",
                                JSON.createObjectNode().put("email", email).put("ott", code)),
                        200)
                .body();
        token = verified.path("token").asString();
        assertThat(verified.has("encryptedToken")).isFalse();
        expect(put("/users/attributes", JSON.createObjectNode().set("keyAttributes", keys.keyAttributes())), 200);
        setUpSrp(keys, "/users/srp/complete", null);
        masterKey = keys.masterKey();
    }

    /**
     * The emailed-code sign-in (code requested with purpose "login", then verify-email); the answer is
     * returned as it is, for the caller to open or to check a refusal.
     */
    public Response signInWithEmailedCode(String email, String code) {
        expect(post("/users/ott", JSON.createObjectNode().put("email", email).put("purpose", "login")), 200);
        return post(
                "/users/verify-email",
                JSON.createObjectNode().put("email", email).put("ott", code));
    }

    /** The SRP setup exchange; for {@code /users/srp/update} the new KEK part goes along. */
    public Response setUpSrp(EnteKeys keys, String completePath, @Nullable ObjectNode extra) {
        UUID srpUserId = UUID.randomUUID();
        byte[] salt = Sodium.randomBytes(16);
        SrpClient srp = new SrpClient(salt, srpUserId.toString(), keys.loginKey());
        JsonNode started = expect(
                        post(
                                "/users/srp/setup",
                                JSON.createObjectNode()
                                        .put("srpUserID", srpUserId.toString())
                                        .put("srpSalt", b64(salt))
                                        .put(
                                                "srpVerifier",
                                                b64(SrpClient.computeVerifier(
                                                        salt, srpUserId.toString(), keys.loginKey())))
                                        .put("srpA", b64(srp.publicA()))),
                        200)
                .body();
        ObjectNode complete = JSON.createObjectNode()
                .put("setupID", started.path("setupID").asString())
                .put("srpM1", b64(srp.computeM1(unb64(started.path("srpB").asString()))));
        if (extra != null) {
            complete.setAll(extra);
        }
        Response done = post(completePath, complete);
        if (done.status() == 200) {
            assertThat(srp.verifyM2(unb64(done.body().path("srpM2").asString())))
                    .as("server's M2")
                    .isTrue();
        }
        return done;
    }

    /** Password sign-in (spec 2.2-2.5): SRP, then the master key from the KEK and the token from its seal. */
    public Response logIn(String email, String password) {
        JsonNode attributes =
                expect(get("/users/srp/attributes?email=" + email), 200).body().path("attributes");
        byte[] kek = EnteKeys.deriveKek(
                password,
                unb64(attributes.path("kekSalt").asString()),
                attributes.path("memLimit").asLong(),
                attributes.path("opsLimit").asLong());
        String srpUserId = attributes.path("srpUserID").asString();
        SrpClient srp = new SrpClient(unb64(attributes.path("srpSalt").asString()), srpUserId, Sodium.loginKey(kek));
        JsonNode session = expect(
                        post(
                                "/users/srp/create-session",
                                JSON.createObjectNode()
                                        .put("srpUserID", srpUserId)
                                        .put("srpA", b64(srp.publicA()))),
                        200)
                .body();
        String m1 = b64(srp.computeM1(unb64(session.path("srpB").asString())));
        Response verified = post(
                "/users/srp/verify-session",
                JSON.createObjectNode()
                        .put("sessionID", session.path("sessionID").asString())
                        .put("srpUserID", srpUserId)
                        .put("srpM1", m1));
        if (verified.status() != 200) {
            return verified;
        }
        assertThat(srp.verifyM2(unb64(verified.body().path("srpM2").asString())))
                .as("server's M2")
                .isTrue();
        // An account that requires a passkey answers a passkeySessionID instead of the sealed token.
        if (verified.body().has("encryptedToken")) {
            openSession(verified.body(), kek);
        }
        return verified;
    }

    /** Spec 2.5: master key from the KEK, private key from the master key, token from the sealed box. */
    void openSession(JsonNode authorization, byte[] kek) {
        JsonNode keyAttributes = authorization.path("keyAttributes");
        byte[] master = Sodium.secretboxOpen(
                unb64(keyAttributes.path("encryptedKey").asString()),
                unb64(keyAttributes.path("keyDecryptionNonce").asString()),
                kek);
        openSealedToken(authorization, master);
        masterKey = master;
    }

    /** Spec 2.5 from the master key on (however the client got it): the token from the sealed box. */
    public String openSealedToken(JsonNode authorization, byte[] master) {
        JsonNode keyAttributes = authorization.path("keyAttributes");
        byte[] secretKey = Sodium.secretboxOpen(
                unb64(keyAttributes.path("encryptedSecretKey").asString()),
                unb64(keyAttributes.path("secretKeyDecryptionNonce").asString()),
                master);
        byte[] rawToken = Sodium.sealedBoxOpen(
                unb64(authorization.path("encryptedToken").asString()),
                unb64(keyAttributes.path("publicKey").asString()),
                secretKey);
        token = Base64.getUrlEncoder().encodeToString(rawToken);
        return token;
    }

    /** A master key the client obtained another way (e.g. opened with the recovery key). */
    public void adoptMasterKey(byte[] master) {
        masterKey = master.clone();
    }

    public String token() {
        return Objects.requireNonNull(token, "not signed in");
    }

    public void useToken(@Nullable String token) {
        this.token = token;
    }

    public byte[] masterKey() {
        return Objects.requireNonNull(masterKey, "not signed in").clone();
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(server.resolve(path)).GET());
    }

    public Response post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(server.resolve(path)).POST(json(body)));
    }

    public Response put(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(server.resolve(path)).PUT(json(body)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(server.resolve(path)).DELETE());
    }

    public Response delete(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(server.resolve(path)).method("DELETE", json(body)));
    }

    public static Response expect(Response response, int status) {
        assertThat(response.status())
                .as("status of a response with body %s", response.body())
                .isEqualTo(status);
        return response;
    }

    private static HttpRequest.BodyPublisher json(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private Response send(HttpRequest.Builder request) {
        request.header("Content-Type", "application/json").header("X-Client-Package", "io.ente.auth");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(
                    response.statusCode(),
                    body.isEmpty() ? JSON.missingNode() : JSON.readTree(body),
                    response.headers().firstValue("Retry-After").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
