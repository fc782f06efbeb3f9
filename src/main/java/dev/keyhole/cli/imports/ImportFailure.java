package dev.keyhole.cli.imports;

/**
 * An entry of the file that cannot be imported. The other entries still can.
 *
 * @param source where in the file ("line 7", "entry 3 (GitHub)")
 * @param reason why, for a person; never contains the secret
 */
public record ImportFailure(String source, String reason) {

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
