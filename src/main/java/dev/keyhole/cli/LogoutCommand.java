package dev.keyhole.cli;

import dev.keyhole.cli.client.AccountApi;
import dev.keyhole.cli.client.ServerException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "logout", description = "End this session on the server and forget it here.")
final class LogoutCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ServerOption server = new ServerOption();

    LogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SignedIn account = SignedIn.require(context, server);
        try {
            new AccountApi(account.server()).logout(account.account().token());
        } catch (ServerException e) {
            // Already ended on the server (expired, or revoked elsewhere): forgetting it here is all that is left.
            if (e.status() != 401) {
                throw e;
            }
        }
        context.configStore()
                .save(context.configStore()
                        .load()
                        .withoutAccount(account.server().url()));
        context.out().println("Logged out of " + account.server().url() + ".");
        return 0;
    }
}
