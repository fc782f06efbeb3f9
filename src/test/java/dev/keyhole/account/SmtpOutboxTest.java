package dev.keyhole.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpOutboxTest {

    @Test
    void noHostThenNoSender() {
        assertThat(outbox(new MailProperties()).sender()).isEmpty();
    }

    @Test
    void hostSetThenASenderWithEverySetting() {
        MailProperties settings = new MailProperties();
        settings.setHost("smtp.example.test");
        settings.setPort(587);
        settings.setUsername("keyhole@example.test");
        settings.setPassword("not-logged");
        settings.setDefaultEncoding(StandardCharsets.UTF_8);
        settings.getProperties().put("mail.smtp.starttls.enable", "true");

        JavaMailSenderImpl sender =
                (JavaMailSenderImpl) outbox(settings).sender().orElseThrow();

        assertThat(sender.getHost()).isEqualTo("smtp.example.test");
        assertThat(sender.getPort()).isEqualTo(587);
        assertThat(sender.getUsername()).isEqualTo("keyhole@example.test");
        assertThat(sender.getPassword()).isEqualTo("not-logged");
        assertThat(sender.getDefaultEncoding()).isEqualTo("UTF-8");
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.starttls.enable", "true");
    }

    @Test
    void implicitTlsThenTheProtocolsSslPropertiesAreSet() {
        MailProperties settings = new MailProperties();
        settings.setHost("smtp.example.test");
        settings.setProtocol("smtps");
        settings.getSsl().setEnabled(true);

        JavaMailSenderImpl sender =
                (JavaMailSenderImpl) outbox(settings).sender().orElseThrow();

        assertThat(sender.getProtocol()).isEqualTo("smtps");
        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtps.ssl.enable", "true")
                .containsEntry("mail.smtps.ssl.checkserveridentity", "true");
    }

    @Test
    void jndiNameThenTheServerRefusesToStartWithTheReason() {
        MailProperties settings = new MailProperties();
        settings.setHost("smtp.example.test");
        settings.setJndiName("java:comp/env/mail/Session");

        assertThatThrownBy(() -> outbox(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.mail.jndi-name");
    }

    @Test
    void aMailSenderBeanOfTheContextWinsOverTheSettings() {
        MailProperties settings = new MailProperties();
        settings.setHost("smtp.example.test");
        JavaMailSenderImpl own = new JavaMailSenderImpl();
        StaticListableBeanFactory context = new StaticListableBeanFactory();
        context.addBean("mailSender", own);

        SmtpOutbox outbox = new SmtpOutbox(
                settings, context.getBeanProvider(SslBundles.class), context.getBeanProvider(JavaMailSender.class));

        assertThat(outbox.sender()).containsSame(own);
    }

    private static SmtpOutbox outbox(MailProperties settings) {
        StaticListableBeanFactory empty = new StaticListableBeanFactory();
        return new SmtpOutbox(
                settings, empty.getBeanProvider(SslBundles.class), empty.getBeanProvider(JavaMailSender.class));
    }
}
