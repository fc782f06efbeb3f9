package dev.keyhole.account;

import dev.keyhole.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final SmtpOutbox outbox;
    private final String from;

    CodeDelivery(
            SmtpOutbox outbox, @Value("${keyhole.mail.from:${spring.mail.username:keyhole@localhost}}") String from) {
        this.outbox = outbox;
        this.from = from;
    }

    /**
     * Tells the old address that the account moved (Ente's server mails "Email address updated" too), so
     * that a change made with a stolen token does not go unnoticed. Best effort: the change is done, and a
     * mail server's trouble must not undo it or fail the request.
     */
    void emailChanged(String oldEmail, String newEmail) {
        JavaMailSender sender = outbox.sender().orElse(null);
        if (sender == null) {
            log.info(
                    "The account of {} now uses {} (no SMTP server is configured, so no notice was mailed)",
                    oldEmail,
                    newEmail);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(oldEmail);
        message.setSubject("Email address updated");
        message.setText("Your Keyhole account now uses the email address " + newEmail + ".\n\n"
                + "If you did not change it, sign in and change it back, and end the sessions you do not know.");
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not tell {} that its account changed its email: {}", oldEmail, e.getMessage());
        }
    }

    void deliver(String email, String code) {
        JavaMailSender sender = outbox.sender().orElse(null);
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
