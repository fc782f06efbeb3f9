package dev.keyhole;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// Boot's fallback user would log a generated password; Keyhole's users are its accounts, never that one.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class KeyholeApplication {

    public static void main(String[] args) {
        SpringApplication.run(KeyholeApplication.class, args);
    }
}
