package dev.keyhole.web;

/**
 * The body of every API error: a stable machine-readable {@code code} and a message meant for a person.
 * Detail that helps an operator goes to the log instead, never here.
 */
public record ApiError(String code, String message) {

    /** What a client reads for any failure of the server's own, whichever layer caught it. */
    static final String SERVER_FAILED = "Something went wrong on the server.";

    /** A bad {@code %} escape, refused by the MVC handler or, outside it, by the last-resort filter. */
    static final String BADLY_ENCODED_PARAMETER = "A request parameter is not properly encoded.";
}
