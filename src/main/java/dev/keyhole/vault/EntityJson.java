package dev.keyhole.vault;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Entities as the JSON array the sync API sends them, encoded once: the bytes Jackson writes for the
 * list. Set into the bytes Jackson writes for the same answer with an empty {@code diff}, they give
 * Jackson's own bytes for the whole answer, whatever order it writes the fields in. Never modify
 * {@code array}.
 */
public record EntityJson(byte[] array, int count) {

    static final EntityJson NONE = new EntityJson(new byte[] {'[', ']'}, 0);

    /**
     * The marker cannot occur inside a JSON string: a quote there is written {@code \"}. So its first
     * occurrence is the field itself.
     */
    private static final byte[] EMPTY_DIFF = "\"diff\":[]".getBytes(StandardCharsets.US_ASCII);

    /** {@code withEmptyDiff} (Jackson's bytes of an answer whose diff is empty) with these entities in it. */
    public byte[] in(byte[] withEmptyDiff) {
        int at = indexOf(withEmptyDiff);
        if (at < 0) {
            throw new IllegalArgumentException("no empty diff field to fill");
        }
        int open = at + EMPTY_DIFF.length - 2;
        byte[] body = new byte[withEmptyDiff.length - 2 + array.length];
        System.arraycopy(withEmptyDiff, 0, body, 0, open);
        System.arraycopy(array, 0, body, open, array.length);
        System.arraycopy(withEmptyDiff, open + 2, body, open + array.length, withEmptyDiff.length - open - 2);
        return body;
    }

    private static int indexOf(byte[] body) {
        for (int i = 0; i + EMPTY_DIFF.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + EMPTY_DIFF.length, EMPTY_DIFF, 0, EMPTY_DIFF.length)) {
                return i;
            }
        }
        return -1;
    }
}
