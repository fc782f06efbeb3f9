package dev.keyhole.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.keyhole.testing.Vectors;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The shared otpauth-uris.json vectors: every case read as expected, and written back without change. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OtpAuthUriVectorTest {

    static Stream<Arguments> vectorCases() {
        return Vectors.json("otpauth-uris.json").path("cases").values().stream()
                .map(c -> Arguments.of(c.path("uri").asString(), c.path("expect")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorCases")
    void reads_every_vector_case_as_expected(String uri, JsonNode expect) throws Exception {
        OtpCode code = OtpAuthUri.parse(uri);
        assertThat(expect.properties()).isNotEmpty();
        if (!expect.has("error")) {
            assertThat(code.error()).as("error").isNull();
        }
        for (Map.Entry<String, JsonNode> field : expect.properties()) {
            JsonNode expected = field.getValue();
            Object actual = switch (field.getKey()) {
                case "type" -> code.type().uriName();
                case "issuer" -> code.issuer();
                case "account" -> code.account();
                case "secret" -> code.secret();
                case "algorithm" -> code.algorithm().name();
                case "digits" -> code.digits();
                case "period" -> code.period();
                case "counter" -> code.counter();
                case "pinned" -> code.display().pinned();
                case "trashed" -> code.display().trashed();
                case "tags" -> code.display().tags();
                case "note" -> code.display().note();
                case "error" -> code.error();
                default -> fail("the vector expects a field this test does not know: " + field.getKey());
            };
            Object wanted = switch (actual) {
                case Integer i -> expected.asInt();
                case Long l -> expected.asLong();
                case Boolean b -> expected.asBoolean();
                case List<?> list ->
                    expected.values().stream().map(JsonNode::asString).toList();
                case null, default -> expected.asString();
            };
            assertThat(actual).as(field.getKey()).isEqualTo(wanted);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorCases")
    void format_then_parse_gives_the_same_code(String uri) throws Exception {
        OtpCode code = OtpAuthUri.parse(uri);
        assertThat(OtpAuthUri.parse(OtpAuthUri.format(code))).isEqualTo(code);
    }
}
