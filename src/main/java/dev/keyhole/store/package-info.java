/**
 * The embedded H2 store's safety: a start-up check that commits reach the disk before they are
 * acknowledged, and scheduled online backups. Depends on no feature; PostgreSQL needs neither (it is
 * durable on commit, and is backed up with its own tools, see docs/backup.md).
 */
@NullMarked
package dev.keyhole.store;

import org.jspecify.annotations.NullMarked;
