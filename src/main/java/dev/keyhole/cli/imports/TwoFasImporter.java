package dev.keyhole.cli.imports;

import dev.keyhole.otp.HashAlgorithm;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * 2FAS backups ({@code .2fas}, schema 4): {@code services[]} with the secret, the service name and
 * otp {issuer, account, label, digits, period, algorithm, tokenType, counter}, plus {@code groups[]} referred
 * to by each service's {@code groupId}, which become Ente tags. Encrypted backups hold the services in
 * {@code servicesEncrypted} instead ({@link TwoFasDecryption}).
 */
final class TwoFasImporter implements Importer {

    static final String NAME = "2FAS backup";

    @Override
    public ImportBatch read(byte[] file, FilePassword password) throws ImportException {
        JsonNode backup = Json.parse(file, NAME);
        JsonNode services = backup.path("services");
        String encrypted = Json.text(backup, "servicesEncrypted");
        if (!encrypted.isEmpty()) {
            services = Json.parse(TwoFasDecryption.decrypt(encrypted, password), NAME);
        }
        if (!services.isArray()) {
            throw new ImportException("The " + NAME + " is corrupted: it has no list of services.");
        }
        Map<String, String> groups = new HashMap<>();
        for (JsonNode group : backup.path("groups").values()) {
            groups.put(Json.text(group, "id"), Json.text(group, "name"));
        }
        ImportBatch.Builder batch = new ImportBatch.Builder();
        int index = 0;
        for (JsonNode service : services.values()) {
            index++;
            String name = Json.text(service, "name").strip();
            String source = "entry " + index + (name.isEmpty() ? "" : " (" + name + ")");
            try {
                Codes.add(batch, source, fields(service, groups));
            } catch (InvalidOtpAuthUriException e) {
                batch.fail(source, e.getMessage());
            }
        }
        return batch.build();
    }

    private static Codes.Fields fields(JsonNode service, Map<String, String> groups) throws InvalidOtpAuthUriException {
        JsonNode otp = service.path("otp");
        String issuer = Json.text(otp, "issuer").isBlank() ? Json.text(service, "name") : Json.text(otp, "issuer");
        String account = Json.text(otp, "account").isBlank() ? Json.text(otp, "label") : Json.text(otp, "account");
        String group = groups.getOrDefault(Json.text(service, "groupId"), "");
        return new Codes.Fields(
                Codes.type(Json.text(otp, "tokenType")),
                issuer,
                account,
                Json.text(service, "secret"),
                HashAlgorithm.fromUriValue(Json.textOrNull(otp, "algorithm")),
                otp.path("digits").asInt(0),
                otp.path("period").asInt(0),
                otp.path("counter").asLong(0),
                Codes.display(group.isBlank() ? List.of() : List.of(group.strip()), null, false));
    }
}
