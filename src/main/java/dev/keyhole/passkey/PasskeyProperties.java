package dev.keyhole.passkey;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code keyhole.passkeys.*}, documented in the repository's application.properties.
 *
 * @param disableRequirementFor emails of accounts whose "passkey after the password" policy is turned off
 *     at start-up: the way back in for an owner who lost every passkey
 */
@ConfigurationProperties("keyhole.passkeys")
record PasskeyProperties(@DefaultValue List<String> disableRequirementFor) {}
