package dev.keyhole.viewer;

/**
 * Gives the benchmarks (package {@code bench}) the viewer's test base and test accounts, which stay
 * package-private here.
 */
public abstract class BenchSupport extends ViewerBrowserCase {

    /** Signs up an account through the sync API and uploads {@code codes} codes; returns its email. */
    protected String vaultWith(int codes) {
        TestAccount account = TestAccount.signUp(port, "bench");
        for (int i = 0; i < codes; i++) {
            account.add(LargeVault.uri(i));
        }
        return account.email;
    }

    protected String password() {
        return TestAccount.PASSWORD;
    }
}
