package dev.keyhole.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EntityJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Wrapped(String before, List<Entity> diff, long timestamp) {}

    @Test
    void entitiesSetIntoAnEmptyDiffGiveJacksonsOwnBytesForTheWholeAnswer() {
        List<Entity> entities = List.of(
                new Entity(UUID.randomUUID(), 7, "ZGF0YQ==", "aGVhZGVy", false, 1, 2),
                new Entity(UUID.randomUUID(), 7, null, null, true, 3, 4));
        EntityJson encoded = new EntityJson(JSON.writeValueAsBytes(entities), entities.size());

        assertThat(encoded.in(JSON.writeValueAsBytes(new EntityDiff(List.of(), 99))))
                .isEqualTo(JSON.writeValueAsBytes(new EntityDiff(entities, 99)));
        assertThat(encoded.in(JSON.writeValueAsBytes(new Wrapped("x\"diff\":[]", List.of(), 5))))
                .as("a quoted look-alike in a string before the field is left alone")
                .isEqualTo(JSON.writeValueAsBytes(new Wrapped("x\"diff\":[]", entities, 5)));
    }

    @Test
    void noneLeavesTheEmptyDiffAsItIs() {
        byte[] empty = JSON.writeValueAsBytes(new EntityDiff(List.of(), 12));
        assertThat(new String(EntityJson.NONE.in(empty), StandardCharsets.UTF_8))
                .isEqualTo("{\"diff\":[],\"timestamp\":12}");
    }

    @Test
    void anAnswerWithoutAnEmptyDiffIsRefused() {
        byte[] full = JSON.writeValueAsBytes(
                new EntityDiff(List.of(new Entity(UUID.randomUUID(), 7, "ZA==", "aA==", false, 1, 2)), 12));
        assertThatThrownBy(() -> EntityJson.NONE.in(full)).isInstanceOf(IllegalArgumentException.class);
    }
}
