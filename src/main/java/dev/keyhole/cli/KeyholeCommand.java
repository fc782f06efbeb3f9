package dev.keyhole.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
        name = "keyhole",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = KeyholeCommand.Version.class,
        description = {
            "Keyhole's command-line client: end-to-end encrypted 2FA codes over the Ente sync API.",
            "Every key is derived and every code encrypted here, before anything is sent. Without a command "
                    + "(or with 'serve') the jar starts the Keyhole server instead.",
            "",
            "Moving codes in:",
            "  keyhole account create --server https://keyhole.example.org --email you@example.org",
            "  keyhole import aegis-export.json",
            "",
            "Moving a server from its embedded H2 database to PostgreSQL:",
            "  keyhole copy-to-postgres --data-dir ./data --to jdbc:postgresql://localhost/keyhole --user keyhole"
        },
        subcommands = {
            AccountCommand.class,
            LoginCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            CodesCommand.class,
            SessionsCommand.class,
            LogoutCommand.class,
            CopyToPostgresCommand.class,
            HelpCommand.class
        })
final class KeyholeCommand {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    static final class Version implements picocli.CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = KeyholeCommand.class.getPackage().getImplementationVersion();
            return new String[] {"keyhole " + (version == null ? "(development build)" : version)};
        }
    }
}
