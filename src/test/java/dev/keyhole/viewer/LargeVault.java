package dev.keyhole.viewer;

/** The codes of the 1,000-code test vault: numbered issuers, so the dashboard's order is known. */
final class LargeVault {

    private static final String[] SECRETS = {"JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "KRSXG5CTMVRXEZLU"
    };

    private LargeVault() {}

    static String issuer(int i) {
        return "Service %04d".formatted(i);
    }

    static String uri(int i) {
        String algorithm = switch (i % 3) {
            case 0 -> "SHA1";
            case 1 -> "SHA256";
            default -> "SHA512";
        };
        return "otpauth://totp/" + issuer(i).replace(" ", "%20") + ":user" + i + "?secret=" + SECRETS[i % 3]
                + "&issuer=" + issuer(i).replace(" ", "%20") + "&algorithm=" + algorithm + "&digits=" + (6 + i % 3);
    }
}
