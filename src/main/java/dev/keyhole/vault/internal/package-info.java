/** JDBC repositories of the vault; only {@code dev.keyhole.vault} uses them. */
@NullMarked
package dev.keyhole.vault.internal;

import org.jspecify.annotations.NullMarked;
