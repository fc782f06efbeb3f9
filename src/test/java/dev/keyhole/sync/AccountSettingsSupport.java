package dev.keyhole.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.UUID;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A sync server whose emailed codes go to a stand-in mail server, so that tests read codes sent to
 * addresses outside the fixed test domain (a change of email never gets a fixed code, as on Ente's server).
 */
abstract class AccountSettingsSupport extends SyncTestSupport {

    @MockitoBean
    JavaMailSender mail;

    static String newMailbox(String name) {
        return name + "-" + UUID.randomUUID() + "@elsewhere.test";
    }

    /** The code in the last code mail sent to {@code email}. */
    String lastCodeMailedTo(String email) {
        List<SimpleMailMessage> codes = mailsTo(email).stream()
                .filter(message -> message.getSubject().startsWith("Verification code: "))
                .toList();
        assertThat(codes).as("code mails to %s", email).isNotEmpty();
        return codes.getLast().getSubject().substring("Verification code: ".length());
    }

    /** Every mail sent to {@code email} during this test, oldest first. */
    List<SimpleMailMessage> mailsTo(String email) {
        ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail, atLeast(0)).send(sent.capture());
        return sent.getAllValues().stream()
                .filter(message -> List.of(message.getTo()).contains(email))
                .toList();
    }
}
