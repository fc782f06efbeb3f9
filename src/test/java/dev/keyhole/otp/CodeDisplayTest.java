package dev.keyhole.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CodeDisplayTest {

    @Test
    void reads_every_field_ente_mobile_writes() {
        CodeDisplay display = CodeDisplay.fromJson("""
                {"pinned":true,"trashed":true,"lastUsedAt":1719800000000000,"tapCount":7,"tags":["work","vpn"],
                 "note":"VPN login","position":3,"iconSrc":"customIcon","iconID":"github"}""");
        assertThat(display)
                .isEqualTo(new CodeDisplay(
                        true,
                        true,
                        1719800000000000L,
                        7,
                        List.of("work", "vpn"),
                        "VPN login",
                        3,
                        "customIcon",
                        "github",
                        Map.of()));
    }

    @Test
    void keeps_fields_it_does_not_model_through_a_round_trip() {
        CodeDisplay display =
                CodeDisplay.fromJson("{\"pinned\":true,\"colour\":\"#ff0000\",\"future\":{\"a\":[1,2.5,null]}}");
        assertThat(display.otherFields())
                .containsExactly(Map.entry("colour", "\"#ff0000\""), Map.entry("future", "{\"a\":[1,2.5,null]}"));
        assertThat(display.toJson()).endsWith(",\"colour\":\"#ff0000\",\"future\":{\"a\":[1,2.5,null]}}");
        assertThat(CodeDisplay.fromJson(display.toJson())).isEqualTo(display);
    }

    @Test
    void writes_all_modelled_fields_in_ente_order() {
        assertThat(CodeDisplay.fromJson("{\"tags\":[\"a\"],\"pinned\":true}").toJson())
                .isEqualTo(
                        "{\"pinned\":true,\"trashed\":false,\"lastUsedAt\":0,\"tapCount\":0,\"tags\":[\"a\"],\"note\":\"\","
                                + "\"position\":0,\"iconSrc\":\"ente\",\"iconID\":\"\"}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "{not-json", "[1,2]", "\"text\"", "null", "{\"pinned\":true}#x"})
    void anything_but_a_json_object_gives_the_defaults(String json) {
        assertThat(CodeDisplay.fromJson(json)).isEqualTo(CodeDisplay.DEFAULT);
    }

    @Test
    void a_field_of_the_wrong_type_falls_back_alone() {
        CodeDisplay display = CodeDisplay.fromJson(
                "{\"pinned\":{\"x\":1},\"trashed\":true,\"tags\":\"work\",\"note\":null,\"position\":\"x\"}");
        assertThat(display.pinned()).isFalse();
        assertThat(display.trashed()).isTrue();
        assertThat(display.tags()).isEmpty();
        assertThat(display.note()).isEmpty();
        assertThat(display.position()).isZero();
    }

    @Test
    void a_missing_icon_source_means_entes_own_icons_as_in_ente_mobile() {
        assertThat(CodeDisplay.fromJson("{\"iconID\":\"github\"}").iconSrc()).isEqualTo("ente");
    }

    @Test
    void is_immutable_and_refuses_modelled_or_invalid_other_fields() {
        List<String> tags = new ArrayList<>(List.of("a"));
        CodeDisplay display = new CodeDisplay(false, false, 0, 0, tags, "", 0, "", "", Map.of());
        tags.add("b");
        assertThat(display.tags()).containsExactly("a");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new CodeDisplay(false, false, 0, 0, List.of(), "", 0, "", "", Map.of("note", "\"x\"")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CodeDisplay(false, false, 0, 0, List.of(), "", 0, "", "", Map.of("x", "{oops")));
    }
}
