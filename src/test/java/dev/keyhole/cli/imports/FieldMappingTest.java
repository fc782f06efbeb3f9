package dev.keyhole.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Groups, notes and favourites become Ente tags, notes and pins; entries that cannot be read fail alone. */
class FieldMappingTest {

    @Test
    void aegisGroupsNoteAndFavouriteBecomeTagsNoteAndPinned() throws Exception {
        ImportBatch batch = read(ImportFormat.AEGIS, """
                {"version":1,"header":{"slots":null,"params":null},"db":{"version":3,
                 "groups":[{"uuid":"g1","name":"Work"},{"uuid":"g2","name":"Mail"}],
                 "entries":[{"type":"totp","name":"alice","issuer":"GitHub","note":"backup codes in safe",
                   "favorite":true,"groups":["g1","g2"],"info":{"secret":"JBSWY3DPEHPK3PXP","algo":"SHA1","digits":6,"period":30}},
                  {"type":"yandex","name":"bob","issuer":"Yandex","info":{"secret":"JBSWY3DPEHPK3PXP"}},
                  {"type":"totp","name":"carol","issuer":"Old","group":"Personal","info":{"secret":"JBSWY3DPEHPK3PXP"}}]}}
                """);

        OtpCode github = batch.codes().get(0).code();
        assertThat(github.display().tags()).containsExactly("Work", "Mail");
        assertThat(github.display().note()).isEqualTo("backup codes in safe");
        assertThat(github.display().pinned()).isTrue();
        assertThat(batch.codes().get(1).code().display().tags()).containsExactly("Personal");
        assertThat(batch.failures())
                .extracting(ImportFailure::toString)
                .containsExactly("entry 2 (Yandex): unsupported code type 'yandex'");
    }

    @Test
    void twoFasGroupsBecomeTags() throws Exception {
        ImportBatch batch = read(ImportFormat.TWOFAS, """
                {"schemaVersion":4,"groups":[{"id":"x","name":"Family"}],"services":[{"name":"Mail",
                 "secret":"JBSWY3DPEHPK3PXP","groupId":"x","otp":{"account":"dad","tokenType":"TOTP"}}]}
                """);

        OtpCode mail = batch.codes().getFirst().code();
        assertThat(mail.issuer()).isEqualTo("Mail");
        assertThat(mail.account()).isEqualTo("dad");
        assertThat(mail.display().tags()).containsExactly("Family");
    }

    @Test
    void bitwardenBareSecretsAreTotpUnderTheItemAndFolderNotesAndFavouriteCarryOver() throws Exception {
        ImportBatch batch = read(ImportFormat.BITWARDEN, """
                {"encrypted":false,"folders":[{"id":"f","name":"Banking"}],"items":[
                 {"name":"Bank","folderId":"f","favorite":true,"notes":"call first","login":{"username":"me","totp":"jbsw y3dp ehpk 3pxp"}},
                 {"name":"No code","login":{"username":"x","totp":null}},
                 {"name":"Broken","login":{"totp":"otpauth://totp/x?secret=!!"}}]}
                """);

        OtpCode bank = batch.codes().getFirst().code();
        assertThat(bank.type()).isEqualTo(OtpType.TOTP);
        assertThat(bank.issuer()).isEqualTo("Bank");
        assertThat(bank.account()).isEqualTo("me");
        assertThat(bank.secret()).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(bank.display().tags()).containsExactly("Banking");
        assertThat(bank.display().note()).isEqualTo("call first");
        assertThat(bank.display().pinned()).isTrue();
        assertThat(batch.failures())
                .extracting(ImportFailure::toString)
                .containsExactly("item 3 (Broken): invalid secret");
    }

    @Test
    void anEncryptedBitwardenExportIsRefusedWithAHint() {
        assertThatThrownBy(() -> read(ImportFormat.BITWARDEN, "{\"encrypted\":true,\"items\":[]}"))
                .hasMessage("Encrypted Bitwarden exports cannot be read; export as unencrypted JSON.");
    }

    private static ImportBatch read(ImportFormat format, String json) throws ImportException {
        byte[] file = json.getBytes(StandardCharsets.UTF_8);
        assertThat(FormatDetector.detect(file)).isEqualTo(format);
        return format.read(file, () -> new char[0]);
    }
}
