package dev.keyhole.cli.sync;

import dev.keyhole.otp.OtpCode;

/** A code as stored on the server, with its entity id. */
public record StoredCode(String id, OtpCode code) {}
