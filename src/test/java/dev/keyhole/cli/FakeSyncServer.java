package dev.keyhole.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A one-account, in-memory stand-in for the Ente sync API, written from ente-protocol.md, so the CLI's flows can be
 * tested without Spring. The real server is exercised by {@link CliAgainstServerIT}.
 */
final class FakeSyncServer implements AutoCloseable {

    static final String OTT = "123456";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer http;
    private final List<String> tokens = new ArrayList<>();
    private final Map<String, JsonNode> srpPending = new HashMap<>();
    private final List<ObjectNode> entities = new ArrayList<>();
    private JsonNode keyAttributes;
    private JsonNode srp;
    private JsonNode authenticatorKey;

    FakeSyncServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::handle);
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    int entityCount() {
        return entities.size();
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = JSON.readTree(text.isEmpty() ? "{}" : text);
        String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
        boolean authorised = token != null && tokens.contains(token);
        Object answer;
        switch (route) {
            case "POST /users/ott" -> answer = Map.of();
            case "POST /users/verify-email" -> answer = verifyEmail(body);
            case "GET /users/srp/attributes" -> answer = srp == null ? null : Map.of("attributes", srp);
            case "POST /users/srp/create-session" -> answer = challenge(body.path("srpA").asString(), srp.path("verifier"));
            case "POST /users/srp/verify-session" -> answer = verifySession(body);
            default -> {
                if (!authorised) {
                    reply(exchange, 401, Map.of("code", "UNAUTHORIZED", "message", "no session"));
                    return;
                }
                answer = authorised(route, body, token);
            }
        }
        if (answer == null) {
            reply(exchange, 404, Map.of("code", "NOT_FOUND", "message", "not found"));
        } else if (answer instanceof Integer status) {
            reply(exchange, status, Map.of("code", "REFUSED", "message", "refused"));
        } else {
            reply(exchange, 200, answer);
        }
    }

    private Object authorised(String route, JsonNode body, String token) {
        return switch (route) {
            case "PUT /users/attributes" -> {
                keyAttributes = body.path("keyAttributes");
                yield Map.of();
            }
            case "POST /users/srp/setup" -> {
                ObjectNode pending = (ObjectNode) body;
                JsonNode challenge = challenge(body.path("srpA").asString(), body.path("srpVerifier"));
                srpPending.put(challenge.path("sessionID").asString(), pending);
                yield Map.of("setupID", challenge.path("sessionID").asString(), "srpB", challenge.path("srpB").asString());
            }
            case "POST /users/srp/complete" -> completeSetup(body);
            case "GET /authenticator/key" -> authenticatorKey;
            case "POST /authenticator/key" -> {
                authenticatorKey = body;
                yield Map.of();
            }
            case "POST /authenticator/entity" -> {
                ObjectNode entity = ((ObjectNode) body).put("id", UUID.randomUUID().toString()).put("isDeleted", false)
                        .put("updatedAt", 1_700_000_000_000_000L + entities.size());
                entities.add(entity);
                yield entity;
            }
            case "GET /authenticator/entity/diff" -> Map.of("diff", entities, "timestamp", 1L);
            case "GET /users/sessions" -> Map.of("sessions", tokens.stream().map(t -> Map.of("token", t, "ip",
                    "127.0.0.1", "prettyUA", "test", "lastUsedTime", 0)).toList());
            case "POST /users/logout" -> {
                tokens.remove(token);
                yield Map.of();
            }
            default -> 404;
        };
    }

    private Object verifyEmail(JsonNode body) {
        if (!OTT.equals(body.path("ott").asString())) {
            return 401;
        }
        return keyAttributes == null ? Map.of("id", 1, "token", newToken()) : sealedToken();
    }

    /** B for the client's A; b is kept under a session id, as the real server keeps it with the session. */
    private JsonNode challenge(String publicA, JsonNode verifier) {
        SrpServer.Challenge challenge = SrpServer.begin(b64(verifier.asString()));
        String id = UUID.randomUUID().toString();
        srpPending.put(id + "-b", JSON.createObjectNode().put("b", Base64.getEncoder().encodeToString(challenge.secretB()))
                .put("A", publicA).put("v", verifier.asString()));
        return JSON.createObjectNode().put("sessionID", id).put("srpB", Base64.getEncoder().encodeToString(challenge.publicB()));
    }

    private Object completeSetup(JsonNode body) {
        String id = body.path("setupID").asString();
        JsonNode setup = srpPending.get(id);
        byte[] m2 = proof(id, body.path("srpM1").asString());
        if (m2 == null) {
            return 401;
        }
        srp = JSON.createObjectNode().put("srpUserID", setup.path("srpUserID").asString())
                .put("srpSalt", setup.path("srpSalt").asString()).put("verifier", setup.path("srpVerifier").asString())
                .put("memLimit", keyAttributes.path("memLimit").asLong()).put("opsLimit", keyAttributes.path("opsLimit").asLong())
                .put("kekSalt", keyAttributes.path("kekSalt").asString()).put("isEmailMFAEnabled", false);
        return Map.of("setupID", id, "srpM2", Base64.getEncoder().encodeToString(m2));
    }

    private Object verifySession(JsonNode body) {
        byte[] m2 = proof(body.path("sessionID").asString(), body.path("srpM1").asString());
        if (m2 == null) {
            return 401;
        }
        Map<String, Object> answer = new HashMap<>(sealedToken());
        answer.put("srpM2", Base64.getEncoder().encodeToString(m2));
        return answer;
    }

    private byte[] proof(String id, String m1) {
        JsonNode pending = srpPending.get(id + "-b");
        return SrpServer.verify(b64(pending.path("v").asString()), b64(pending.path("b").asString()),
                b64(pending.path("A").asString()), b64(m1)).orElse(null);
    }

    private Map<String, Object> sealedToken() {
        byte[] raw = Sodium.randomBytes(32);
        tokens.add(Base64.getUrlEncoder().encodeToString(raw));
        byte[] sealed = Sodium.sealedBoxSeal(raw, b64(keyAttributes.path("publicKey").asString()));
        return Map.of("id", 1, "keyAttributes", keyAttributes, "encryptedToken", Base64.getEncoder().encodeToString(sealed));
    }

    private String newToken() {
        String token = Base64.getUrlEncoder().encodeToString(Sodium.randomBytes(32));
        tokens.add(token);
        return token;
    }

    private static byte[] b64(String text) {
        return Base64.getDecoder().decode(text);
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
