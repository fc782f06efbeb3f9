package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnonymousSessionLedgerTest {

    private final AnonymousSessionLedger<String> ledger = new AnonymousSessionLedger<>(3, 5);
    private long nextKey;

    @Test
    void admitWhenAClientIsOverItsCapThenItsOldestSessionEnds() {
        List<String> ended = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ended.addAll(admit("a" + i, "10.0.0.1"));
        }

        assertThat(ended).containsExactly("a1", "a2", "a3");
        assertThat(ledger.size()).isEqualTo(3);
    }

    @Test
    void admitWhenOneClientFloodsThenAnotherClientsSessionsStay() {
        admit("b1", "10.0.0.2");
        List<String> ended = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            ended.addAll(admit("a" + i, "10.0.0.1"));
        }

        assertThat(ended).hasSize(97).doesNotContain("b1");
        assertThat(ledger.size()).isEqualTo(4);
    }

    @Test
    void admitWhenAllClientsTogetherAreOverTheTotalThenTheOldestOfAllEnds() {
        List<String> ended = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            ended.addAll(admit("s" + i, "10.0.1." + i));
        }

        assertThat(ended).containsExactly("s1", "s2", "s3");
        assertThat(ledger.size()).isEqualTo(5);
        assertThat(ledger.clients()).isEqualTo(5);
    }

    @Test
    void forgetWhenASessionSignedInOrEndedThenItNoLongerCountsNorKeepsItsClient() {
        long signedIn = nextKey + 1;
        admit("a1", "10.0.0.1");
        admit("a2", "10.0.0.1");
        admit("b1", "10.0.0.2");

        ledger.forget(signedIn);
        ledger.forget(signedIn + 2);

        assertThat(ledger.size()).isEqualTo(1);
        assertThat(ledger.clients()).isEqualTo(1);
        assertThat(admit("a3", "10.0.0.1")).isEmpty();
        assertThat(admit("a4", "10.0.0.1")).isEmpty();
        assertThat(admit("a5", "10.0.0.1")).containsExactly("a2");
    }

    @Test
    void admitWhenEveryRequestComesFromANewAddressThenTheLedgerStaysWithinTheTotal() {
        for (int i = 0; i < 100_000; i++) {
            admit("s" + i, "client-" + i);
        }

        assertThat(ledger.size()).isEqualTo(5);
        assertThat(ledger.clients()).isEqualTo(5);
    }

    private List<String> admit(String session, String client) {
        return ledger.admit(++nextKey, session, client);
    }
}
