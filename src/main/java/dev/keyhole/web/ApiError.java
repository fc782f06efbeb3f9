package dev.keyhole.web;

/**
 * The body of every API error: a stable machine-readable {@code code} and a message meant for a person.
 * Detail that helps an operator goes to the log instead, never here.
 */
public record ApiError(String code, String message) {}
