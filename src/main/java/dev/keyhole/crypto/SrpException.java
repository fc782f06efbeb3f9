package dev.keyhole.crypto;

/**
 * A malformed SRP message (A or B zero mod N or not 512 bytes, a proof not 32 bytes). A wrong password
 * is not an exception: it is an empty result from {@link SrpServer#verify} or false from
 * {@link SrpClient#verifyM2}.
 */
public class SrpException extends IllegalArgumentException {

    public SrpException(String message) {
        super(message);
    }
}
