/**
 * Ente-compatible cryptography: a byte-array facade over libsodium and SRP-6a as Ente's clients run it.
 * Nothing here logs, and exception messages name the failed operation only.
 */
@NullMarked
package dev.keyhole.crypto;

import org.jspecify.annotations.NullMarked;
