package dev.keyhole.cli.imports;

import java.util.Arrays;

/**
 * Just enough of the protobuf wire format to read Google Authenticator's migration payload: varints and
 * length-delimited fields, with every other wire type skipped, as protobuf readers must for unknown fields.
 */
final class Protobuf {

    static final int VARINT = 0;
    static final int LENGTH_DELIMITED = 2;

    private final byte[] data;
    private int position;
    private final int end;

    Protobuf(byte[] data) {
        this(data, 0, data.length);
    }

    private Protobuf(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    boolean hasMore() {
        return position < end;
    }

    /** The next field's key: field number in the high bits, wire type in the low three. */
    int key() {
        return (int) varint();
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = next();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    byte[] bytes() {
        int length = length();
        byte[] bytes = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return bytes;
    }

    /** A nested message, read in place. */
    Protobuf message() {
        int length = length();
        Protobuf nested = new Protobuf(data, position, position + length);
        position += length;
        return nested;
    }

    void skip(int wireType) {
        switch (wireType) {
            case VARINT -> varint();
            case 1 -> advance(8);
            case LENGTH_DELIMITED -> advance(length());
            case 5 -> advance(4);
            default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
        }
    }

    private int length() {
        long length = varint();
        if (length < 0 || length > end - position) {
            throw new IllegalArgumentException("field longer than its message");
        }
        return (int) length;
    }

    private void advance(int count) {
        if (count > end - position) {
            throw new IllegalArgumentException("field longer than its message");
        }
        position += count;
    }

    private int next() {
        if (position >= end) {
            throw new IllegalArgumentException("message cut short");
        }
        return data[position++] & 0xff;
    }
}
