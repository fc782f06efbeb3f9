package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's display preferences on {@code /web/settings}: defaults, partial updates, and bounds. */
class ViewerDisplaySettingsIT extends ViewerServerCase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void displayPreferencesStartOffChangeOneAtATimeAndKeepTheAutoLockDelay() throws Exception {
        HttpViewer viewer = signedIn("display");

        JsonNode defaults = body(viewer.json("GET", "/web/settings", null), 200);
        assertThat(defaults.path("clipboardClearSeconds").asInt()).isZero();
        assertThat(defaults.path("hideCodes").asBoolean()).isFalse();
        assertThat(defaults.path("maxClipboardClearSeconds").asInt()).isEqualTo(600);

        body(viewer.json("PUT", "/web/settings", "{\"autoLockMinutes\":5}"), 200);
        JsonNode changed = body(viewer.json("PUT", "/web/settings", "{\"clipboardClearSeconds\":30}"), 200);
        changed = body(viewer.json("PUT", "/web/settings", "{\"hideCodes\":true}"), 200);

        assertThat(changed.path("clipboardClearSeconds").asInt()).isEqualTo(30);
        assertThat(changed.path("hideCodes").asBoolean()).isTrue();
        assertThat(changed.path("autoLockMinutes").asDouble()).isEqualTo(5.0);
        assertThat(body(viewer.json("GET", "/web/settings", null), 200)).isEqualTo(changed);
    }

    @Test
    void aPreferenceOutOfBoundsIsRefusedWithACodeAndChangesNothing() throws Exception {
        HttpViewer viewer = signedIn("display-bounds");
        body(viewer.json("PUT", "/web/settings", "{\"clipboardClearSeconds\":20}"), 200);

        assertThat(body(viewer.json("PUT", "/web/settings", "{\"clipboardClearSeconds\":-1}"), 400)
                        .path("code")
                        .asString())
                .isEqualTo("INVALID_CLIPBOARD_CLEAR");
        assertThat(body(viewer.json("PUT", "/web/settings", "{\"clipboardClearSeconds\":601,\"hideCodes\":true}"), 400)
                        .path("code")
                        .asString())
                .isEqualTo("INVALID_CLIPBOARD_CLEAR");
        assertThat(body(viewer.json("PUT", "/web/settings", "{}"), 400)
                        .path("code")
                        .asString())
                .isEqualTo("INVALID_SETTINGS");

        JsonNode after = body(viewer.json("GET", "/web/settings", null), 200);
        assertThat(after.path("clipboardClearSeconds").asInt()).isEqualTo(20);
        assertThat(after.path("hideCodes").asBoolean()).isFalse();
    }

    private HttpViewer signedIn(String name) throws Exception {
        TestAccount account = TestAccount.signUp(port, name);
        URI base = URI.create(baseUrl());
        return HttpViewer.load(HttpClient.newHttpClient(), base, "/login").signIn(account.signInElsewhere(base));
    }

    private static JsonNode body(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
