/** JDBC repositories and helpers of the account feature; only {@code dev.keyhole.account} uses them. */
@NullMarked
package dev.keyhole.account.internal;

import org.jspecify.annotations.NullMarked;
