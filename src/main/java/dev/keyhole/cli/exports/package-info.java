/**
 * Ente Auth's export formats: the plain text list and the encrypted export (version 1).
 */
@NullMarked
package dev.keyhole.cli.exports;

import org.jspecify.annotations.NullMarked;
