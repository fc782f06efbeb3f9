package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import dev.keyhole.testing.TestDatabases;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** With an SMTP server configured (here a stand-in), codes go by mail and never into the log. */
@ExtendWith(OutputCaptureExtension.class)
class CodeByMailIT extends SyncTestSupport {

    @MockitoBean
    JavaMailSender mail;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Test
    void sendCodeMailsItWithEntesSubjectAndLogsNothingOfIt(CapturedOutput output) {
        String email = "mailed-" + UUID.randomUUID() + "@elsewhere.test";
        EnteTestClient device = newClient();
        expect(device.post("/users/ott", JSON.createObjectNode().put("email", email)), 200);

        ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail).send(sent.capture());
        assertThat(sent.getValue().getTo()).containsExactly(email);
        assertThat(sent.getValue().getSubject()).matches("Verification code: \\d{6}");
        String code = sent.getValue().getSubject().substring("Verification code: ".length());
        assertThat(output.getAll()).doesNotContain(code);
        expect(
                device.post(
                        "/users/verify-email",
                        JSON.createObjectNode().put("email", email).put("ott", code)),
                200);
    }

    @Test
    void sendCodeWhenTheMailServerFailsThenServiceUnavailable() {
        doThrow(new MailSendException("connection refused")).when(mail).send(any(SimpleMailMessage.class));

        EnteTestClient.Response refused = expect(
                newClient().post("/users/ott", JSON.createObjectNode().put("email", "unlucky@elsewhere.test")), 503);

        assertThat(refused.code()).isEqualTo("EMAIL_NOT_SENT");
        assertThat(count("SELECT COUNT(*) FROM email_codes WHERE email = 'unlucky@elsewhere.test'"))
                .isZero();
    }
}
