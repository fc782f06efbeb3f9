package dev.keyhole.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.keyhole.testing.LoopbackClient;
import dev.keyhole.testing.PackagedJar;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification codes mailed by the packaged jar started as {@code ./dev server} and the image start it, with
 * Spring AOT: an SMTP server given only at run time ({@code --spring.mail.host}) is used. With Boot's own mail
 * auto-configuration the bean set fixed at build time had no mail sender, and the code went to the log instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailOnPackagedJarIT {

    private static final Pattern SUBJECT_CODE = Pattern.compile("Verification code: (\\d{6})");

    @TempDir
    static Path home;

    private GreenMail smtp;
    private PackagedJar server;
    private LoopbackClient client;

    @BeforeAll
    void startAnSmtpServerAndTheJarPointedAtIt() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        server = PackagedJar.start(
                home,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--keyhole.mail.from=keyhole@example.test");
        client = new LoopbackClient("127.0.0.1", server.base());
    }

    @AfterAll
    void stopBoth() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void signUpCodeThenItArrivesByMailAndIsNotLogged() throws Exception {
        LoopbackClient.Response asked = ott("new-owner@example.test");

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(smtp.waitForIncomingEmail(10_000, 1))
                .as("a mail within 10 s")
                .isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("new-owner@example.test");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("keyhole@example.test");
        Matcher subject = SUBJECT_CODE.matcher(mail.getSubject());
        assertThat(subject.matches()).as(mail.getSubject()).isTrue();
        String code = subject.group(1);
        assertThat(GreenMailUtil.getBody(mail)).contains(code);
        assertThat(Files.readString(server.log()))
                .doesNotContain("Verification code for")
                .doesNotContain(code);
    }

    @Test
    @Order(2)
    void smtpServerGoneThenServiceUnavailableAndTheCodeIsNeitherSentNorLogged() throws Exception {
        smtp.stop();

        LoopbackClient.Response asked = ott("second-owner@example.test");

        assertThat(asked.status()).as(asked.body()).isEqualTo(503);
        assertThat(asked.body()).contains("\"code\":\"EMAIL_NOT_SENT\"");
        assertThat(Files.readString(server.log()))
                .contains("Could not send a verification code to second-owner@example.test")
                .doesNotContain("Verification code for")
                .doesNotContain("Verification code:");
    }

    private LoopbackClient.Response ott(String email) {
        return client.postJson("/users/ott", "{\"email\":\"" + email + "\",\"purpose\":\"signup\"}", Map.of());
    }
}
