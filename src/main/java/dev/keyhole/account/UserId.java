package dev.keyhole.account;

import java.io.Serializable;

/**
 * An account's id; Ente's wire calls it {@code id} or {@code userID} and sends it as a number. Serializable
 * because the viewer's session principal carries one, and a session may be serialised.
 */
public record UserId(long value) implements Serializable {}
