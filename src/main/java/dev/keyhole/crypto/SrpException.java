package dev.keyhole.crypto;

/**
 * A malformed or degenerate SRP value (A or B not 512 bytes or not strictly between 1 and N - 1, a verifier
 * that would fix the shared secret, a zero scrambler, a proof not 32 bytes). A wrong password
 * is not an exception: it is an empty result from {@link SrpServer#verify} or false from
 * {@link SrpClient#verifyM2}.
 */
public class SrpException extends IllegalArgumentException {

    public SrpException(String message) {
        super(message);
    }
}
