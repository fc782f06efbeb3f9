package dev.keyhole.account;

import dev.keyhole.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Gets an emailed code to its owner: by SMTP when {@code spring.mail.host} is set, otherwise in the
 * server log, as Ente's self-hosted server does. That log line is the only place a code is ever logged.
 */
@Component
class CodeDelivery {

    private static final Logger log = LoggerFactory.getLogger(CodeDelivery.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;

    CodeDelivery(
            ObjectProvider<JavaMailSender> mailSender,
            @Value("${keyhole.mail.from:${spring.mail.username:keyhole@localhost}}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    void deliver(String email, String code) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("Verification code for {}: {} (no SMTP server is configured, so it is logged)", email, code);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(email);
        message.setSubject("Verification code: " + code);
        message.setText("Your Keyhole verification code is " + code + ". It is valid for one hour.\n\n"
                + "If you did not ask for it, you can ignore this email.");
        try {
            sender.send(message);
        } catch (MailException e) {
            // The exception names the SMTP problem, never the message body.
            log.error("Could not send a verification code to {}: {}", email, e.getMessage());
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "EMAIL_NOT_SENT",
                    "The verification email could not be sent. Try again later.");
        }
    }
}
