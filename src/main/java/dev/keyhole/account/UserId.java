package dev.keyhole.account;

/** An account's id; Ente's wire calls it {@code id} or {@code userID} and sends it as a number. */
public record UserId(long value) {}
