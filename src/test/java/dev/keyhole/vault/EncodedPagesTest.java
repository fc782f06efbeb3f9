package dev.keyhole.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedPagesTest {

    private final EncodedPages pages = new EncodedPages();

    @Test
    void aPageIsFoundOnlyUnderTheClockItWasReadAt() {
        EncodedPages.Query query = new EncodedPages.Query(1, 0, 500);
        EntityJson page = new EntityJson(new byte[] {'[', ']'}, 0);
        pages.keep(query, 41, page);

        assertThat(pages.find(query, 41)).containsSame(page);
        assertThat(pages.find(query, 42)).as("a write moved the clock").isEmpty();
        assertThat(pages.find(new EncodedPages.Query(1, 0, 501), 41)).isEmpty();
        assertThat(pages.find(new EncodedPages.Query(2, 0, 500), 41)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedPagesGoOnceTheBudgetIsSpent() {
        int size = (int) (EncodedPages.BUDGET_BYTES / 10);
        for (int user = 0; user < 12; user++) {
            pages.keep(new EncodedPages.Query(user, 0, 500), 1, new EntityJson(new byte[size], 0));
            if (user == 5) {
                pages.find(new EncodedPages.Query(0, 0, 500), 1);
            }
        }
        assertThat(pages.bytes()).isLessThanOrEqualTo(EncodedPages.BUDGET_BYTES);
        assertThat(pages.find(new EncodedPages.Query(0, 0, 500), 1))
                .as("used recently")
                .isPresent();
        assertThat(pages.find(new EncodedPages.Query(1, 0, 500), 1))
                .as("the oldest unused")
                .isEmpty();
        assertThat(pages.find(new EncodedPages.Query(11, 0, 500), 1)).isPresent();
    }

    @Test
    void aPageLargerThanAnEighthOfTheBudgetIsNotKept() {
        EncodedPages.Query query = new EncodedPages.Query(1, 0, 5000);
        pages.keep(query, 1, new EntityJson(new byte[(int) (EncodedPages.BUDGET_BYTES / 8) + 1], 0));
        assertThat(pages.find(query, 1)).isEmpty();
        assertThat(pages.bytes()).isZero();
    }
}
