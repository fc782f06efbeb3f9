package dev.keyhole;

import dev.keyhole.cli.KeyholeCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// Boot's fallback user would log a generated password; Keyhole's users are its accounts, never that one. Boot's
// mail sender exists only when spring.mail.host is set, which Spring AOT would decide at build time: Keyhole has
// its own (account.SmtpOutbox), and Boot's validator and health check of that sender go with it.
@SpringBootApplication(
        exclude = {
            UserDetailsServiceAutoConfiguration.class,
            MailSenderAutoConfiguration.class,
            MailSenderValidatorAutoConfiguration.class,
            MailHealthContributorAutoConfiguration.class
        })
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
