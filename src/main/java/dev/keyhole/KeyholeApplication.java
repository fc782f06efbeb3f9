package dev.keyhole;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KeyholeApplication {

    public static void main(String[] args) {
        SpringApplication.run(KeyholeApplication.class, args);
    }
}
