/**
 * The {@code keyhole} command-line client: picocli commands, terminal prompts and error reporting. It is a sync
 * client like the Ente apps: every key is derived and every code encrypted here, before anything is sent.
 */
@NullMarked
package dev.keyhole.cli;

import org.jspecify.annotations.NullMarked;
