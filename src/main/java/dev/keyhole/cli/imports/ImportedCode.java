package dev.keyhole.cli.imports;

import dev.keyhole.otp.OtpCode;

/**
 * One code read from a file.
 *
 * @param source where in the file it came from, for messages ("line 3", "entry 2")
 */
public record ImportedCode(String source, OtpCode code) {}
