package dev.keyhole.cli.config;

import dev.keyhole.cli.client.KeyAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the CLI remembers between runs: the last server used and, per server URL, the signed-in account.
 * Never a password or a plaintext key: the key attributes are the server's wrapped copies.
 */
public record CliConfig(@Nullable String server, Map<String, Account> accounts) {

    /** A signed-in account on one server. The token is a bearer credential, hence the file's permissions. */
    public record Account(String email, long userId, String token, KeyAttributes keyAttributes) {}

    public static final CliConfig EMPTY = new CliConfig(null, Map.of());

    public CliConfig {
        accounts = Map.copyOf(accounts == null ? Map.of() : accounts);
    }

    public Optional<Account> account(String server) {
        return Optional.ofNullable(accounts.get(server));
    }

    /** Signs in on a server, which becomes the default. */
    public CliConfig withAccount(String server, Account account) {
        Map<String, Account> updated = new LinkedHashMap<>(accounts);
        updated.put(server, account);
        return new CliConfig(server, updated);
    }

    public CliConfig withoutAccount(String server) {
        Map<String, Account> updated = new LinkedHashMap<>(accounts);
        updated.remove(server);
        return new CliConfig(this.server, updated);
    }

    public CliConfig withServer(String server) {
        return new CliConfig(server, accounts);
    }
}
