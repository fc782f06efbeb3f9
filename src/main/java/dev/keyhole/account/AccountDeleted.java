package dev.keyhole.account;

/**
 * Published after an account and everything stored for it were removed, so that what other features keep
 * outside the database (the viewer's web sessions) can end too.
 */
public record AccountDeleted(UserId user) {}
