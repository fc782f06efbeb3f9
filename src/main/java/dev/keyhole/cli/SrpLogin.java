package dev.keyhole.cli;

import dev.keyhole.cli.client.AccountApi;
import dev.keyhole.cli.client.AccountApi.EmailAuthorization;
import dev.keyhole.cli.client.AccountApi.SrpAttributes;
import dev.keyhole.cli.client.ServerException;
import dev.keyhole.cli.keys.AccountKeys;
import dev.keyhole.cli.keys.WrongPasswordException;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Ente's choice of login flow (docs/protocol.md §3): SRP when the account has it, else an emailed code. */
final class SrpLogin {

    /** The server's answer, and the KEK when SRP already derived it (else null, to derive from the answer). */
    record Result(EmailAuthorization answer, byte @Nullable [] kek) {}

    private SrpLogin() {}

    static Result run(CliContext context, AccountApi api, String email, byte[] password) {
        Optional<SrpAttributes> srp = api.srpAttributes(email);
        if (srp.isEmpty() || srp.get().isEmailMFAEnabled()) {
            api.sendOtt(email, "login");
            String ott = EmailedCode.ask(context, email);
            return new Result(api.verifyEmail(email, ott), null);
        }
        SrpAttributes attributes = srp.get();
        byte[] kek = AccountKeys.kek(attributes.kekSalt(), attributes.opsLimit(), attributes.memLimit(), password);
        SrpClient client = new SrpClient(
                Base64.getDecoder().decode(attributes.srpSalt()), attributes.srpUserID(), Sodium.loginKey(kek));
        AccountApi.SrpSession session = api.createSrpSession(attributes.srpUserID(), SrpSetup.b64(client.publicA()));
        byte[] m1 = client.computeM1(Base64.getDecoder().decode(session.srpB()));
        EmailAuthorization answer;
        try {
            answer = api.verifySrpSession(session.sessionID(), attributes.srpUserID(), SrpSetup.b64(m1));
        } catch (ServerException e) {
            if (e.status() == 401) {
                throw new WrongPasswordException();
            }
            throw e;
        }
        if (answer.srpM2() != null && !client.verifyM2(Base64.getDecoder().decode(answer.srpM2()))) {
            throw new CliException("The server's SRP proof is wrong; it may not be the server you think.");
        }
        return new Result(answer, kek);
    }
}
