package dev.keyhole.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One encrypted code (a single-chunk secretstream and its 24-byte header), or its tombstone: deleted,
 * with null data. Nulls are written out, not left out, because Ente's clients expect the fields.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Entity(
        UUID id,
        @JsonProperty("userID") long userId,
        @Nullable String encryptedData,
        @Nullable String header,
        @JsonProperty("isDeleted") boolean isDeleted,
        long createdAt,
        long updatedAt) {}
