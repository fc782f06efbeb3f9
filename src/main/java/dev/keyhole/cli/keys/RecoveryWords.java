package dev.keyhole.cli.keys;

import dev.keyhole.crypto.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A 32-byte recovery key as Ente's apps show and read it: the 24-word BIP-39 mnemonic of its bytes (English
 * list, 8-bit SHA-256 checksum). Reading also takes the 64 hex digits older Ente apps showed, as they still do.
 */
public final class RecoveryWords {

    public static final int KEY_BYTES = 32;
    public static final int WORDS = 24;
    private static final int BITS_PER_WORD = 11;
    private static final List<String> ENGLISH = load();
    private static final Map<String, Integer> INDEX = index(ENGLISH);

    private RecoveryWords() {}

    /** The 24 words of a 32-byte key, separated by single spaces. */
    public static String encode(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a recovery key has 32 bytes");
        }
        byte[] bits = Arrays.copyOf(key, KEY_BYTES + 1);
        bits[KEY_BYTES] = Sha256.digest(key)[0];
        StringBuilder words = new StringBuilder();
        for (int word = 0; word < WORDS; word++) {
            int index = 0;
            for (int bit = word * BITS_PER_WORD; bit < (word + 1) * BITS_PER_WORD; bit++) {
                index = (index << 1) | ((bits[bit / 8] >> (7 - bit % 8)) & 1);
            }
            words.append(word == 0 ? "" : " ").append(ENGLISH.get(index));
        }
        Arrays.fill(bits, (byte) 0);
        return words.toString();
    }

    /** The key behind 24 words (any spacing and case) or 64 hex digits; a clear message when it is neither. */
    public static byte[] decode(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (parts.length == 1 && parts[0].length() == 2 * KEY_BYTES) {
            try {
                return HexFormat.of().parseHex(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a recovery key is 24 words (or 64 hex digits)");
            }
        }
        if (parts.length != WORDS) {
            throw new IllegalArgumentException("a recovery key is 24 words, not " + parts.length);
        }
        byte[] bits = new byte[KEY_BYTES + 1];
        for (int word = 0; word < WORDS; word++) {
            Integer index = INDEX.get(parts[word]);
            if (index == null) {
                throw new IllegalArgumentException("word " + (word + 1) + " is not on the recovery word list");
            }
            for (int i = 0; i < BITS_PER_WORD; i++) {
                if (((index >> (BITS_PER_WORD - 1 - i)) & 1) == 1) {
                    int bit = word * BITS_PER_WORD + i;
                    bits[bit / 8] |= (byte) (1 << (7 - bit % 8));
                }
            }
        }
        byte[] key = Arrays.copyOf(bits, KEY_BYTES);
        if (Sha256.digest(key)[0] != bits[KEY_BYTES]) {
            throw new IllegalArgumentException("the recovery words do not check out: a word is wrong or misplaced");
        }
        return key;
    }

    private static List<String> load() {
        try (InputStream in = Objects.requireNonNull(RecoveryWords.class.getResourceAsStream("bip39-english.txt"))) {
            List<String> words = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            if (words.size() != 1 << BITS_PER_WORD) {
                throw new IllegalStateException("the BIP-39 word list must have 2048 words");
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> index(List<String> words) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            index.put(words.get(i), i);
        }
        return Map.copyOf(index);
    }
}
