/**
 * The CLI's config file: server, email, session token and the (encrypted) key attributes, owner-only.
 */
@NullMarked
package dev.keyhole.cli.config;

import org.jspecify.annotations.NullMarked;
