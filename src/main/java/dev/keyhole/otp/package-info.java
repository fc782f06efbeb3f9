/**
 * One-time-password codes: reading and writing otpauth URIs (as Ente Auth stores them) and generating
 * TOTP, HOTP and Steam Guard codes. Pure JDK plus Jackson for Ente's {@code codeDisplay} JSON.
 */
@NullMarked
package dev.keyhole.otp;

import org.jspecify.annotations.NullMarked;
