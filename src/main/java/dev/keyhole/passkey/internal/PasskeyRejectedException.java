package dev.keyhole.passkey.internal;

/**
 * A WebAuthn response failed verification. The cause (webauthn4j's precise reason) is for the log; users
 * get one message, so a probing client learns nothing about which check failed.
 */
public final class PasskeyRejectedException extends RuntimeException {

    public PasskeyRejectedException(String ceremony, Throwable cause) {
        super("passkey " + ceremony + " rejected: " + cause.getClass().getSimpleName(), cause);
    }
}
