package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import dev.keyhole.testing.TestDatabases;
import dev.keyhole.viewer.TestAccount;
import dev.keyhole.web.BadInputCorpus.Endpoint;
import dev.keyhole.web.BadInputCorpus.Probe;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input changes nothing and breaks nothing: a seeded corpus of malformed requests against every
 * endpoint the application maps (Spring's handlers and Vaadin's routes and requests), anonymously and
 * past authentication (a sync token, a web session with its CSRF token), gets only 4xx answers (or the
 * page or redirect a browser would get), never a trace, JSON errors on the API, one-line log entries at
 * most, and leaves every table as it was.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "keyhole.public-url=http://localhost:${local.server.port:0}",
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=123456"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BadInputCorpusIT {

    private static final long SEED = 20261201L;
    private static final int PER_ENDPOINT = 40;
    /** A Java exception or error class name, as a trace or a careless message would show it. */
    private static final Pattern JAVA_CLASS = Pattern.compile(
            "\\b(java|jakarta|javax|org\\.springframework|org\\.apache|com\\.vaadin|dev\\.keyhole|tools\\.jackson)"
                    + "\\.[\\w.$]*(Exception|Error)\\b");

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w.$]+\\([\\w.]+(:\\d+)?\\)");
    private static final Pattern LOG_LINE_START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private TestAccount account;
    private String webCookie;
    private String webCsrf;
    private RawHttp http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @BeforeAll
    void signIn() throws IOException {
        http = new RawHttp(port);
        account = TestAccount.signUp(port, "corpus");
        account.add("otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub");
        openWebSession(account.signInElsewhere(URI.create("http://localhost:" + port)));
    }

    @Test
    void theRequestsThatOnceFailedWithAServerErrorAreRefusedWithOneLogLine(CapturedOutput output) throws IOException {
        int logStart = output.getOut().length();

        RawHttp.Response vaadin = http.send("GET", "/?v-r=bogus", Map.of(), null);
        RawHttp.Response escape =
                http.send("GET", "/authenticator/entity/diff?sinceTime=%zz&limit=10", tokenHeader(), null);
        RawHttp.Response csrf = http.send(
                "PUT",
                "/web/settings",
                webHeaders(BadInputCorpus.malformedCsrfToken()),
                "{\"autoLockMinutes\":5}".getBytes(StandardCharsets.UTF_8));

        assertThat(vaadin.status()).isEqualTo(400);
        assertThat(escape.status()).isEqualTo(400);
        assertThat(codeOf(escape)).isEqualTo("INVALID_PARAMETER");
        assertThat(csrf.status()).isEqualTo(403);
        assertThat(codeOf(csrf)).isEqualTo("FORBIDDEN");
        String log = output.getOut().substring(logStart);
        assertThat(log.lines().filter(line -> line.contains(" WARN ")))
                .anySatisfy(line -> assertThat(line).contains("unknown Vaadin request type"))
                .anySatisfy(line -> assertThat(line).contains("could not be decoded"))
                .anySatisfy(line -> assertThat(line).contains("malformed CSRF token"));
        assertOneLineEntriesOnly(log);
    }

    @Test
    void noMalformedRequestGetsAServerErrorATraceOrChangesAnything(CapturedOutput output) throws IOException {
        List<Probe> corpus = new BadInputCorpus(SEED).generate(endpoints(), PER_ENDPOINT);
        assertThat(corpus).hasSizeBetween(1_000, 8_000);
        String stateBefore = state();
        int logStart = output.getOut().length();

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Probe probe : corpus) {
            RawHttp.Response response = send(probe);
            statuses.merge(response.status(), 1, Integer::sum);
            String problem = problemWith(probe, response);
            if (problem != null) {
                failures.add(probe + " -> " + response.status() + ": " + problem);
            }
        }

        String log = output.getOut().substring(logStart);
        System.out.println("Bad-input corpus: " + corpus.size() + " requests, statuses " + statuses);
        assertThat(failures)
                .as("%d of %d requests", failures.size(), corpus.size())
                .isEmpty();
        assertOneLineEntriesOnly(log);
        assertThat(state()).as("accounts, codes, sessions and settings").isEqualTo(stateBefore);
        assertThat(http.send("GET", "/ping", Map.of(), null).status()).isEqualTo(200);
    }

    /** Why a response to a malformed request is wrong, or null when it is fine. */
    private static String problemWith(Probe probe, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "server error " + response.body();
        }
        Matcher leak = JAVA_CLASS.matcher(response.body());
        if (leak.find()) {
            return "body names " + leak.group();
        }
        if (STACK_FRAME.matcher(response.body()).find()) {
            return "body has a stack frame";
        }
        boolean errorWithBody = response.status() >= 400 && !probe.method().equals("HEAD");
        if (probe.endpoint().isApi() && errorWithBody && reachedTheApplication(response)) {
            if (!response.header("Content-Type").startsWith("application/json")) {
                return "error without JSON: " + response.header("Content-Type");
            }
            JsonNode error = JSON.readTree(response.body());
            if (!error.path("code").isString() || !error.path("message").isString()) {
                return "error without code and message: " + response.body();
            }
        }
        return null;
    }

    /**
     * Tomcat refuses a request line it cannot parse (a NUL or a raw control byte, an 8 KB target) in its
     * connector, before any filter or error page of the application could answer.
     */
    private static boolean reachedTheApplication(RawHttp.Response response) {
        return !response.header("Content-Security-Policy").isEmpty()
                || !response.header("Content-Type").isEmpty();
    }

    /** Every log entry written during the corpus is one line: no stack trace, no ERROR. */
    private static void assertOneLineEntriesOnly(String log) {
        assertThat(log.lines().filter(line -> !line.isBlank()))
                .allSatisfy(line ->
                        assertThat(line).matches(l -> LOG_LINE_START.matcher(l).find(), "a log entry"))
                .noneSatisfy(line -> assertThat(line).contains(" ERROR "));
    }

    private RawHttp.Response send(Probe probe) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (probe.auth()) {
            case TOKEN -> headers.putAll(tokenHeader());
            case WEB_SESSION -> headers.putAll(webHeaders(webCsrf));
            case NONE -> {}
        }
        headers.putAll(probe.headers());
        return http.send(probe.method(), probe.target(), headers, probe.body());
    }

    private Map<String, String> tokenHeader() {
        return Map.of("X-Auth-Token", account.client().token());
    }

    private Map<String, String> webHeaders(String csrf) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", webCookie);
        headers.put("X-CSRF-TOKEN", csrf);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    /** Every endpoint: Spring's handler methods with their parameters and body fields, and Vaadin's. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(HandlerEndpoints.of(mappings));
        assertThat(endpoints)
                .extracting(Endpoint::path)
                .contains("/ping", "/users/srp/create-session", "/authenticator/entity/diff", "/web/session");
        ClassPathScanningCandidateComponentProvider routes = new ClassPathScanningCandidateComponentProvider(false);
        routes.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<String> paths = new ArrayList<>();
        for (var candidate : routes.findCandidateComponents("dev.keyhole")) {
            try {
                paths.add("/"
                        + Class.forName(candidate.getBeanClassName())
                                .getAnnotation(Route.class)
                                .value());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(paths).contains("/", "/login", "/codes", "/settings", "/browser-check", "/passkeys/verify");
        for (String path : paths) {
            endpoints.add(new Endpoint("GET", path, Map.of(), null));
        }
        Map<String, Class<?>> uidl = new LinkedHashMap<>();
        uidl.put("csrfToken", String.class);
        uidl.put("rpc", List.class);
        uidl.put("syncId", int.class);
        uidl.put("clientId", int.class);
        endpoints.add(new Endpoint("GET", "/?v-r=init&location=login", Map.of(), null));
        endpoints.add(new Endpoint("POST", "/?v-r=uidl&v-uiId=0", Map.of(), uidl));
        endpoints.add(new Endpoint("POST", "/?v-r=heartbeat&v-uiId=0", Map.of(), null));
        endpoints.add(new Endpoint("GET", "/?v-r=push&v-uiId=0", Map.of(), null));
        endpoints.add(new Endpoint("GET", "/?v-r=bogus", Map.of(), null));
        return endpoints;
    }

    /**
     * What bad input must not change: every table's rows (a token's last-use time aside, which any
     * authenticated request moves; and counters of rate limits, which count refused requests by design).
     */
    private String state() {
        StringBuilder state = new StringBuilder();
        List<String> tables = jdbc.sql(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
                .query(String.class)
                .list();
        assertThat(tables).contains("users", "authenticator_entities", "tokens", "viewer_settings");
        for (String table : tables) {
            if (table.contains("rate") || table.contains("limit")) {
                continue;
            }
            String sql = table.equals("tokens")
                    ? "SELECT token_hash, user_id, client_package, user_agent, ip, created_at FROM tokens ORDER BY 1"
                    : "SELECT * FROM " + table + " ORDER BY 1";
            state.append(table).append(":\n");
            jdbc.sql(sql)
                    .query((row, n) -> {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                            line.append(row.getString(i)).append('|');
                        }
                        return line.toString();
                    })
                    .list()
                    .forEach(line -> state.append(line).append('\n'));
        }
        // The entities as the sync API serves them; its "timestamp" is the server's clock, not state.
        state.append(account.client()
                .get("/authenticator/entity/diff?sinceTime=0&limit=500")
                .body()
                .path("diff"));
        return state.toString();
    }

    /** A signed-in browser: the anonymous page's cookie and CSRF token, exchanged for a web session. */
    private void openWebSession(String token) throws IOException {
        RawHttp.Response page = http.send("GET", "/login", Map.of(), null);
        String cookie = sessionCookie(page);
        Matcher meta = CSRF_META.matcher(page.body());
        String csrf = null;
        while (meta.find()) {
            if (meta.group(1).equals("_csrf")) {
                csrf = meta.group(2);
            }
        }
        assertThat(csrf).as("CSRF meta tag on /login").isNotNull();
        webCookie = cookie;
        RawHttp.Response opened = http.send(
                "POST",
                "/web/session",
                webHeaders(csrf),
                ("{\"token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        webCookie = sessionCookie(opened);
        webCsrf = JSON.readTree(opened.body()).path("csrfToken").asString();
        RawHttp.Response vault = http.send("GET", "/web/vault", webHeaders(webCsrf), null);
        assertThat(vault.status()).as("the web session works").isEqualTo(200);
        // The passkey settings make the account's passkey handle on first use: before the snapshot, so
        // that the corpus's requests there find it made.
        assertThat(http.send("GET", "/web/passkeys", webHeaders(webCsrf), null).status())
                .isEqualTo(200);
        assertThat(http.send("POST", "/web/passkeys/registration/options", webHeaders(webCsrf), new byte[0])
                        .status())
                .isEqualTo(200);
    }

    private static String sessionCookie(RawHttp.Response response) {
        String setCookie = response.header("Set-Cookie");
        int start = setCookie.indexOf("JSESSIONID=");
        assertThat(start).as("a session cookie in %s", setCookie).isGreaterThanOrEqualTo(0);
        int end = setCookie.indexOf(';', start);
        return setCookie.substring(start, end < 0 ? setCookie.length() : end);
    }

    private static String codeOf(RawHttp.Response response) {
        return JSON.readTree(response.body()).path("code").asString("");
    }
}
