package dev.keyhole.vault;

import java.util.List;

/** A page of the diff, oldest change first, and the server's time (µs) for the clients' clock correction. */
public record EntityDiff(List<Entity> diff, long timestamp) {}
