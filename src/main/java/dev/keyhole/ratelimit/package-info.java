/**
 * Rate limits whose counts live in the database, so that every node behind a load balancer enforces the
 * same ones, and that stay exact under concurrent requests: one row per bucket, changed only by single
 * conditional statements. Per-address limits guard every endpoint reachable before sign-in; features key
 * their own per-account limits by account and client address, so that a stranger exhausts only their own.
 */
@NullMarked
package dev.keyhole.ratelimit;

import org.jspecify.annotations.NullMarked;
