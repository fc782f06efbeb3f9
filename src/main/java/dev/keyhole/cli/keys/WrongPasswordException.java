package dev.keyhole.cli.keys;

/** The password does not unlock the account's keys. */
public class WrongPasswordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super("Wrong password.", null, false, false);
    }
}
