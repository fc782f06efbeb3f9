/**
 * Readers for other authenticators' export files, one class per format, each giving codes plus per-entry
 * failures. Pure parsing and decryption: nothing here talks to a server.
 */
@NullMarked
package dev.keyhole.cli.imports;

import org.jspecify.annotations.NullMarked;
