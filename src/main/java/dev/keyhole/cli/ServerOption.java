package dev.keyhole.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --server}, on every command that talks to a server; without it, the last server used. */
final class ServerOption {

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Keyhole or Ente server, e.g. https://keyhole.example.org (default: the last one used).")
    @Nullable
    String url;
}
