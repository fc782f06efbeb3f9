package dev.keyhole.account;

import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The SMTP server of the {@code spring.mail.*} settings (the ones Boot documents), or none when
 * {@code spring.mail.host} is unset. Keyhole's own, always-present bean instead of Boot's
 * {@code MailSenderAutoConfiguration} (excluded in {@code KeyholeApplication}): that one exists only when the host
 * is set, and Spring AOT, which {@code ./dev server} and the image start with, decides which beans exist when the
 * jar is built, so a host given at run time would have been ignored and every code logged instead of mailed
 * (ADR 0028). Here the settings are read when the server starts, whichever way it starts.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
class SmtpOutbox {

    private final Optional<JavaMailSender> sender;

    /**
     * A {@code JavaMailSender} bean of the context's own, where there is one (a test's stand-in, or an application
     * that embeds Keyhole's beans), wins over the settings.
     */
    SmtpOutbox(
            MailProperties settings, ObjectProvider<SslBundles> sslBundles, ObjectProvider<JavaMailSender> provided) {
        JavaMailSender given = provided.getIfAvailable();
        if (given != null) {
            this.sender = Optional.of(given);
        } else if (StringUtils.hasText(settings.getHost())) {
            this.sender = Optional.of(senderFor(settings, sslBundles));
        } else {
            this.sender = Optional.empty();
        }
    }

    /** The configured server; empty when none is, and the caller falls back to the log. */
    Optional<JavaMailSender> sender() {
        return sender;
    }

    /** What Boot's own mail configuration does with the same settings, but JNDI (no container here provides one). */
    private static JavaMailSender senderFor(MailProperties settings, ObjectProvider<SslBundles> sslBundles) {
        if (StringUtils.hasText(settings.getJndiName())) {
            throw new IllegalStateException(
                    "spring.mail.jndi-name is not supported; set spring.mail.host (and port, username, password)");
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.getHost());
        if (settings.getPort() != null) {
            sender.setPort(settings.getPort());
        }
        sender.setUsername(settings.getUsername());
        sender.setPassword(settings.getPassword());
        sender.setProtocol(settings.getProtocol());
        if (settings.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(settings.getDefaultEncoding().name());
        }
        Properties javaMail = new Properties();
        javaMail.putAll(settings.getProperties());
        String protocol = StringUtils.hasLength(settings.getProtocol()) ? settings.getProtocol() : "smtp";
        MailProperties.Ssl ssl = settings.getSsl();
        if (ssl.isEnabled()) {
            javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
            if (ssl.isVerifyHostname()) {
                javaMail.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
        }
        if (StringUtils.hasLength(ssl.getBundle())) {
            SslBundles bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException("spring.mail.ssl.bundle is set but no SSL bundles are configured");
            }
            javaMail.put(
                    "mail." + protocol + ".ssl.socketFactory",
                    bundles.getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
        }
        sender.setJavaMailProperties(javaMail);
        return sender;
    }
}
