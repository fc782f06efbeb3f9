package dev.keyhole.cli.imports;

/**
 * Asked for the password of an encrypted export only when the file turns out to be encrypted, so that plain
 * files never prompt. The caller owns the returned array and may wipe it.
 */
@FunctionalInterface
public interface FilePassword {

    char[] ask();
}
