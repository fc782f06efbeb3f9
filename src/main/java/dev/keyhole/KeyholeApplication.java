package dev.keyhole;

import dev.keyhole.cli.KeyholeCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// Boot's fallback user would log a generated password; Keyhole's users are its accounts, never that one.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class KeyholeApplication {

    /** No arguments, only --options, or "serve": the server. Anything else: a CLI command, without Spring. */
    public static void main(String[] args) {
        String[] serverArgs = KeyholeCli.serverArguments(args);
        if (serverArgs == null) {
            System.exit(KeyholeCli.run(args));
        }
        SpringApplication.run(KeyholeApplication.class, serverArgs);
    }
}
