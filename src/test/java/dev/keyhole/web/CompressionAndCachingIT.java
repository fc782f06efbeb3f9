package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.ServerCase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Fewer bytes (issue 14): text answers compressed for a client that accepts it, the content-hashed bundle kept by
 * browsers for good, everything else never stored, and the app shell's Lumo stylesheet served at all.
 */
class CompressionAndCachingIT extends ServerCase {

    private static final Pattern BUNDLE_SCRIPT = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"");
    private static final String BROWSER_ENCODINGS = "gzip, deflate, br, zstd";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pageWhenClientAcceptsGzipIsCompressedAndNeverStored() throws Exception {
        HttpResponse<byte[]> page = get("/login", BROWSER_ENCODINGS);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(page.body())).contains("<html");
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void pageWhenClientAcceptsNoEncodingIsSentPlain() throws Exception {
        HttpResponse<byte[]> page = get("/login", "identity");

        assertThat(page.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<html");
    }

    @Test
    void bundleScriptIsBrotliAndImmutable() throws Exception {
        String page = gunzip(get("/login", "gzip").body());
        Matcher script = BUNDLE_SCRIPT.matcher(page);
        assertThat(script.find()).as("the page's bundle script in %s", page).isTrue();

        HttpResponse<byte[]> bundle = get("/" + script.group(1), BROWSER_ENCODINGS);

        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(bundle.headers().firstValue("Cache-Control")).hasValue(HashedAssetCaching.IMMUTABLE);
        assertThat(bundle.headers().allValues("Pragma")).isEmpty();
    }

    @Test
    void missingBundleFileIsNotMadeImmutable() throws Exception {
        HttpResponse<byte[]> missing = get("/VAADIN/build/no-such-file-AbCd1234.js", BROWSER_ENCODINGS);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().allValues("Cache-Control")).noneMatch(value -> value.contains("immutable"));
    }

    @Test
    void appShellLumoStylesheetIsServedCompressed() throws Exception {
        HttpResponse<byte[]> lumo = get("/lumo/lumo.css", BROWSER_ENCODINGS);

        assertThat(lumo.statusCode()).isEqualTo(200);
        assertThat(lumo.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(lumo.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(lumo.body())).contains("--lumo-primary-color");
    }

    private HttpResponse<byte[]> get(String path, String encodings) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept-Encoding", encodings)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
