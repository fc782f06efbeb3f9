package dev.keyhole.sync;

import static dev.keyhole.sync.EnteTestClient.JSON;
import static dev.keyhole.sync.EnteTestClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.sync.EnteTestClient.Response;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ente's change of email as its app sends it (mobile/packages/accounts/lib/services/user_service.dart
 * {@code sendOtt(isChangeEmail: true)}, then {@code changeEmail}): a code for the new address from
 * {@code POST /users/ott} with the purpose "change", then {@code POST /users/change-email {email, ott}}.
 */
abstract class ChangeEmailContract extends AccountSettingsSupport {

    @Test
    void theCodeMailedToTheNewAddressMovesTheAccountAndOnlyTheNewEmailSignsIn() {
        String oldEmail = newEmail("mover");
        EnteTestClient phone = signedUp(oldEmail);
        String srpUserId = srpUserIdOf(oldEmail);
        String newEmail = newMailbox("moved");
        long userId = userIdOf(oldEmail);

        askForChangeCode(newClient(), newEmail);
        String code = lastCodeMailedTo(newEmail);
        Response changed = expect(phone.post("/users/change-email", change(newEmail, code)), 200);

        assertThat(changed.body().isMissingNode()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ? AND email = ?", userId, newEmail))
                .isOne();
        assertThat(mailsTo(oldEmail)).singleElement().satisfies(notice -> {
            assertThat(notice.getSubject()).isEqualTo("Email address updated");
            assertThat(notice.getText()).contains(newEmail);
        });
        assertThat(srpUserIdOf(newEmail)).isEqualTo(srpUserId);
        assertThat(srpUserIdOf(oldEmail)).isNotEqualTo(srpUserId);
        EnteTestClient laptop = newClient();
        expect(laptop.logIn(newEmail, PASSWORD), 200);
        expect(laptop.get("/authenticator/key"), 404);
        assertPasswordSignInRefused(oldEmail, PASSWORD);
        expect(phone.get("/users/sessions"), 200);
    }

    @Test
    void aWrongCodeOrAReplayedOneIsRefusedAndNothingChanges() {
        String oldEmail = newEmail("wrong-code");
        EnteTestClient phone = signedUp(oldEmail);
        String newEmail = newMailbox("wrong-code-target");
        askForChangeCode(phone, newEmail);
        String code = lastCodeMailedTo(newEmail);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThat(expect(phone.post("/users/change-email", change(newEmail, wrong)), 401)
                        .code())
                .isEqualTo("INCORRECT_CODE");
        assertThat(emailOf(phone, oldEmail)).isEqualTo(oldEmail);

        expect(phone.post("/users/change-email", change(newEmail, code)), 200);
        String thirdEmail = newMailbox("replayed");
        assertThat(expect(phone.post("/users/change-email", change(newEmail, code)), 410)
                        .code())
                .isEqualTo("CODE_EXPIRED");
        assertThat(expect(phone.post("/users/change-email", change(thirdEmail, code)), 410)
                        .code())
                .isEqualTo("CODE_EXPIRED");
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = ?", newEmail))
                .isOne();
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = ?", thirdEmail))
                .isZero();
    }

    @Test
    void anEmailThatAnotherAccountHoldsIsRefusedWithEntesForbiddenAndNothingChanges() {
        String aliceEmail = newEmail("alice-keeps");
        String bobEmail = newMailbox("bob-has");
        EnteTestClient alice = signedUp(aliceEmail);
        EnteTestClient bob = newClient();
        expect(bob.post("/users/ott", JSON.createObjectNode().put("email", bobEmail)), 200);
        expect(
                bob.post(
                        "/users/verify-email",
                        JSON.createObjectNode().put("email", bobEmail).put("ott", lastCodeMailedTo(bobEmail))),
                200);
        long bobId = count("SELECT id FROM users WHERE email = ?", bobEmail);

        askForChangeCode(alice, bobEmail);
        Response refused = expect(alice.post("/users/change-email", change(bobEmail, lastCodeMailedTo(bobEmail))), 403);

        assertThat(refused.code()).isEqualTo("EMAIL_ALREADY_IN_USE");
        assertThat(emailOf(alice, aliceEmail)).isEqualTo(aliceEmail);
        assertThat(mailsTo(aliceEmail)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ? AND email = ?", bobId, bobEmail))
                .isOne();
    }

    @Test
    void aCodeWorksOnlyFromTheAddressThatAskedForIt() throws Exception {
        String oldEmail = newEmail("bound");
        EnteTestClient phone = signedUp(oldEmail);
        String newEmail = newMailbox("bound-target");
        EnteTestClient elsewhere =
                new EnteTestClient(URI.create("http://localhost:" + port), InetAddress.getByName("127.0.0.2"));
        askForChangeCode(elsewhere, newEmail);

        Response refused = expect(phone.post("/users/change-email", change(newEmail, lastCodeMailedTo(newEmail))), 410);

        assertThat(refused.code()).isEqualTo("CODE_EXPIRED");
        assertThat(emailOf(phone, oldEmail)).isEqualTo(oldEmail);
    }

    @Test
    void theFixedTestCodeNeverChangesAnEmailAsOnEntesServer() {
        String oldEmail = newEmail("fixed");
        EnteTestClient phone = signedUp(oldEmail);
        String newEmail = newEmail("fixed-target");
        askForChangeCode(phone, newEmail);
        String mailed = lastCodeMailedTo(newEmail);

        if (!mailed.equals(CODE)) {
            expect(phone.post("/users/change-email", change(newEmail, CODE)), 401);
        }
        assertThat(emailOf(phone, oldEmail)).isEqualTo(oldEmail);
        expect(phone.post("/users/change-email", change(newEmail, mailed)), 200);
    }

    @Test
    void changeEmailWithoutATokenOrWithoutFieldsIsRefusedAndNothingChanges() {
        String oldEmail = newEmail("no-token");
        EnteTestClient phone = signedUp(oldEmail);

        expect(newClient().post("/users/change-email", change(newMailbox("x"), "123456")), 401);
        assertThat(expect(
                                phone.post(
                                        "/users/change-email",
                                        JSON.createObjectNode().put("ott", "1")),
                                400)
                        .code())
                .isEqualTo("MISSING_FIELD");
        assertThat(expect(
                                phone.post(
                                        "/users/change-email",
                                        JSON.createObjectNode().put("email", newMailbox("y"))),
                                400)
                        .code())
                .isEqualTo("MISSING_FIELD");
        assertThat(expect(phone.post("/users/change-email", change("not an email", "123456")), 400)
                        .code())
                .isEqualTo("INVALID_EMAIL");
        assertThat(emailOf(phone, oldEmail)).isEqualTo(oldEmail);
    }

    /** As Ente's app asks: no token, purpose "change", the mobile flag. */
    private static void askForChangeCode(EnteTestClient device, String email) {
        expect(
                device.post(
                        "/users/ott",
                        JSON.createObjectNode()
                                .put("email", email)
                                .put("purpose", "change")
                                .put("mobile", true)),
                200);
    }

    private static ObjectNode change(String email, String ott) {
        return JSON.createObjectNode().put("email", email).put("ott", ott);
    }

    private String srpUserIdOf(String email) {
        JsonNode attributes = expect(newClient().get("/users/srp/attributes?email=" + email), 200)
                .body()
                .path("attributes");
        return attributes.path("srpUserID").asString();
    }

    private long userIdOf(String email) {
        return count("SELECT id FROM users WHERE email = ?", email);
    }

    /** The account's email as stored, found by the device's token. */
    private String emailOf(EnteTestClient device, String expected) {
        return jdbc.sql("SELECT u.email FROM users u JOIN tokens t ON t.user_id = u.id WHERE t.token_hash = ?")
                .param(dev.keyhole.crypto.Sha256.hex(
                        java.util.Base64.getUrlDecoder().decode(device.token())))
                .query(String.class)
                .optional()
                .orElse("no account for " + expected);
    }
}
