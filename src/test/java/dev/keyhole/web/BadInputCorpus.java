package dev.keyhole.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A bounded, seeded corpus of malformed requests for a list of endpoints: broken JSON, fields of the wrong
 * type or length, NUL and odd Unicode, huge numbers, bad {@code %} escapes in the query and the path,
 * wrong methods and content types, malformed CSRF and sync tokens. The same seed gives the same requests.
 */
final class BadInputCorpus {

    /** Who the request claims to be: nobody, a device with a valid sync token, or a signed-in browser. */
    enum Auth {
        NONE,
        TOKEN,
        WEB_SESSION
    }

    /**
     * One endpoint as the server maps it: {@code params} are its query parameters, {@code body} the fields
     * of its JSON body (null when it takes none); values are the Java types the handler expects.
     */
    record Endpoint(String method, String path, Map<String, Class<?>> params, Map<String, Class<?>> body) {
        private static final Set<String> NO_INPUT_ACTIONS = Set.of(
                "/users/logout", "/users/delete-challenge", "/users/two-factor/setup", "/users/two-factor/disable");

        /** The JSON API (sync and viewer), as opposed to Vaadin's pages and requests. */
        boolean isApi() {
            return path.startsWith("/users/")
                    || path.startsWith("/authenticator/")
                    || path.startsWith("/web/")
                    || path.equals("/ping");
        }

        List<Auth> auths() {
            // These take no input and are meant to change state: with a valid token they do their job
            // (sign out, issue a deletion challenge, start or stop a TOTP setup) whatever else is wrong.
            if (NO_INPUT_ACTIONS.contains(path)) {
                return List.of(Auth.NONE);
            }
            if (path.startsWith("/users/") || path.startsWith("/authenticator/")) {
                return List.of(Auth.NONE, Auth.TOKEN);
            }
            // Ping needs nobody; a push request in a live session would be held open as a long poll.
            return path.equals("/ping") || path.contains("v-r=push")
                    ? List.of(Auth.NONE)
                    : List.of(Auth.NONE, Auth.WEB_SESSION);
        }
    }

    /** {@code target} is the raw request target; {@code headers} win over the ones {@code auth} adds. */
    record Probe(
            String kind,
            Endpoint endpoint,
            Auth auth,
            String method,
            String target,
            Map<String, String> headers,
            byte[] body) {
        @Override
        public String toString() {
            String shown = target.length() > 100 ? target.substring(0, 100) + "…" : target;
            return kind + " [" + auth + "] " + method + " " + shown + " ("
                    + headers.getOrDefault("Content-Type", "no type") + ")";
        }
    }

    private static final String JSON = "application/json";
    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "BREW");
    private static final List<String> BROKEN_JSON = List.of(
            "{",
            "}",
            "[",
            "{\"a\":",
            "{\"a\" 1}",
            "{'a':1}",
            "nul",
            "{\"a\":1}}",
            "{\"a\":1,}",
            "\u0000",
            "{\"a\":\"\\u0000\"}",
            "\ufeff{}",
            "{\"a\":\"\\ud800\"}",
            "[".repeat(5_000),
            "{\"a\":" + "9".repeat(5_000) + "}",
            "{\"a\":1e999999}",
            "\"just a string\"",
            "12",
            "true",
            "[]",
            "{}");
    /** JSON values that are no valid field anywhere: wrong types, limits, odd characters, huge numbers. */
    private static final List<String> HOSTILE_VALUES = List.of(
            "{}",
            "[]",
            "[\"x\"]",
            "true",
            "null",
            "-1",
            "0",
            "1e309",
            "-1e309",
            "123456789012345678901234567890",
            "9223372036854775808",
            "-9223372036854775809",
            "0.5",
            "\"\"",
            "\" \"",
            "\"\\u0000\"",
            "\"x\\u0000y\"",
            "\"\\ud800\"",
            "\"\\udfff\\ud800\"",
            "\"\u202e\u200b\ufeff\"",
            "\"\ud83d\udca9\"",
            "\"%zz\"",
            "\"../../etc/passwd\"",
            "\"<script>\"",
            "\"" + "A".repeat(70_000) + "\"",
            "\"" + "é".repeat(3_000) + "\"");
    /** Raw, undecoded query values: bad escapes, NUL, overlong UTF-8, huge and negative numbers. */
    private static final List<String> HOSTILE_QUERY = List.of(
            "%zz",
            "%",
            "%4",
            "%00",
            "a%00b",
            "%C0%AF",
            "%ED%A0%80",
            "%FF%FE",
            "%F0%9F%92%A9",
            "99999999999999999999999",
            "-9223372036854775809",
            "-1",
            "1e3",
            "NaN",
            "",
            "x".repeat(5_000));

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "multipart/form-data",
            "multipart/form-data; boundary=zz",
            "application/x-www-form-urlencoded",
            "application/json; charset=bogus",
            "application/json; charset=UTF-16",
            "*/*",
            "json");

    private final Random random;

    BadInputCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** At most {@code perEndpoint} probes for each endpoint and way of signing in, drawn from all of them. */
    List<Probe> generate(List<Endpoint> endpoints, int perEndpoint) {
        List<Probe> corpus = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Auth auth : endpoint.auths()) {
                List<Probe> all = new ArrayList<>(all(endpoint, auth));
                Collections.shuffle(all, random);
                corpus.addAll(all.subList(0, Math.min(perEndpoint, all.size())));
            }
        }
        return corpus;
    }

    private List<Probe> all(Endpoint endpoint, Auth auth) {
        List<Probe> probes = new ArrayList<>();
        String query = baseQuery(endpoint.params());
        String target = target(endpoint, query);
        byte[] body = endpoint.body() == null ? null : baseBody(endpoint.body(), null, null);
        // Broken JSON, as JSON.
        if (endpoint.body() != null || !endpoint.isApi()) {
            for (String broken : BROKEN_JSON) {
                probes.add(probe("broken-json", endpoint, auth, target, json(), broken));
            }
        }
        // Each field in turn gets a value it cannot take.
        if (endpoint.body() != null) {
            for (String field : endpoint.body().keySet()) {
                for (String value : HOSTILE_VALUES) {
                    String mutated = new String(baseBody(endpoint.body(), field, value), StandardCharsets.UTF_8);
                    probes.add(probe("field:" + field, endpoint, auth, target, json(), mutated));
                }
            }
            probes.add(probe("field:unknown", endpoint, auth, target, json(), "{\"" + "k".repeat(300) + "\":1}"));
        }
        // Each query parameter in turn gets a raw value that is no value (sent undecoded).
        List<String> params = new ArrayList<>(endpoint.params().keySet());
        params.add("token");
        params.add("_csrf");
        params.add("v-r");
        for (String param : params) {
            for (String value : HOSTILE_QUERY) {
                String q = replaceParam(endpoint.params(), param, value);
                probes.add(new Probe(
                        "query:" + param, endpoint, auth, endpoint.method(), target(endpoint, q), json(), body));
            }
        }
        probes.add(new Probe(
                "query:repeated",
                endpoint,
                auth,
                endpoint.method(),
                query.isEmpty() ? target(endpoint, "?x=1&x=2") : target + "&" + query.substring(1),
                json(),
                body));
        // The path itself: bad escapes, NUL, raw bytes, dot segments, a huge segment.
        for (String suffix : List.of(
                "%zz", "%", "%00", "\u0000", "\u00ff\u00fe", "%2e%2e/%2e%2e/", ";jsessionid=x", "x".repeat(9_000))) {
            probes.add(new Probe("path", endpoint, auth, endpoint.method(), endpoint.path() + suffix, json(), body));
        }
        // Every other method, and one that does not exist.
        for (String method : METHODS) {
            if (!method.equals(endpoint.method())) {
                probes.add(new Probe("method", endpoint, auth, method, target, json(), body));
            }
        }
        // The body in a form the endpoint does not take.
        for (String type : CONTENT_TYPES) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", type);
            byte[] sent = type.startsWith("application/x-www-form")
                    ? "a=%zz&_csrf=%&token=%00".getBytes(StandardCharsets.ISO_8859_1)
                    : body == null ? "x".getBytes(StandardCharsets.UTF_8) : body;
            probes.add(new Probe("content-type", endpoint, auth, endpoint.method(), target, headers, sent));
        }
        probes.add(new Probe("no-content-type", endpoint, auth, endpoint.method(), target, Map.of(), body));
        // Bytes that are not UTF-8 where JSON must be.
        byte[] garbage = new byte[64];
        random.nextBytes(garbage);
        probes.add(new Probe("binary-body", endpoint, auth, endpoint.method(), target, json(), garbage));
        // Tokens that are not tokens, where the endpoint reads one.
        for (String token : badTokens()) {
            Map<String, String> headers = json();
            headers.put(auth == Auth.WEB_SESSION ? "X-CSRF-TOKEN" : "X-Auth-Token", token);
            probes.add(new Probe("bad-token", endpoint, auth, endpoint.method(), target, headers, body));
        }
        return probes;
    }

    /**
     * A CSRF token of the right shape for Spring's masked tokens (36 random bytes, then 36 bytes masked
     * with them) that unmasks to bytes that are not UTF-8.
     */
    static String malformedCsrfToken() {
        byte[] notUtf8 = new byte[72];
        for (int i = 36; i < notUtf8.length; i++) {
            notUtf8[i] = (byte) 0xff;
        }
        return Base64.getUrlEncoder().encodeToString(notUtf8);
    }

    /** Malformed sync and CSRF tokens. */
    private List<String> badTokens() {
        byte[] randomMask = new byte[72];
        random.nextBytes(randomMask);
        return List.of(
                malformedCsrfToken(),
                Base64.getUrlEncoder().encodeToString(randomMask),
                "%%%",
                "A",
                "AAA=AAAA",
                "\u00ff\u00fe",
                "x".repeat(6_000),
                UUID.randomUUID().toString());
    }

    private Probe probe(
            String kind, Endpoint endpoint, Auth auth, String target, Map<String, String> headers, String body) {
        return new Probe(
                kind, endpoint, auth, endpoint.method(), target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> json() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        return headers;
    }

    /** The path and a query; Vaadin's requests already carry one ({@code /?v-r=uidl}), so it goes on. */
    private static String target(Endpoint endpoint, String query) {
        return endpoint.path().contains("?") && query.startsWith("?")
                ? endpoint.path() + "&" + query.substring(1)
                : endpoint.path() + query;
    }

    private static String baseQuery(Map<String, Class<?>> params) {
        return replaceParam(params, null, null);
    }

    /** The endpoint's parameters with plausible values, one of them ({@code name}) raw {@code value}. */
    private static String replaceParam(Map<String, Class<?>> params, String name, String value) {
        StringBuilder query = new StringBuilder();
        params.forEach((param, type) -> query.append(query.isEmpty() ? "?" : "&")
                .append(param)
                .append('=')
                .append(param.equals(name) ? value : plausible(type)));
        if (name != null && !params.containsKey(name)) {
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
        }
        return query.toString();
    }

    /** A JSON object of the right shape but no valid write, except {@code field}, which is {@code value}. */
    private static byte[] baseBody(Map<String, Class<?>> fields, String field, String value) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, type) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            String shown = name.equals(field) ? value : plausibleJson(type);
            json.append('"').append(name).append("\":").append(shown);
        });
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String plausible(Class<?> type) {
        if (type == UUID.class) {
            return "00000000-0000-0000-0000-000000000000";
        }
        return Number.class.isAssignableFrom(wrap(type)) ? "1" : "x";
    }

    private static String plausibleJson(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        // Below every range the API accepts, so that a probe aimed elsewhere cannot pass as a valid write.
        if (Number.class.isAssignableFrom(wrap(type))) {
            return "-1";
        }
        if (type == String.class || type == UUID.class) {
            return "\"" + plausible(type) + "\"";
        }
        return "{}";
    }

    private static Class<?> wrap(Class<?> type) {
        return type == long.class
                ? Long.class
                : type == int.class ? Integer.class : type == double.class ? Double.class : type;
    }
}
