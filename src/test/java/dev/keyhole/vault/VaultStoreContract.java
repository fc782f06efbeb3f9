package dev.keyhole.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.UserId;
import dev.keyhole.sync.MutableClock;
import dev.keyhole.sync.TestClockConfiguration;
import dev.keyhole.vault.internal.EntityRepository;
import dev.keyhole.vault.internal.KeyRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entity store under concurrent writers, with the clock standing still (every write "at the same
 * instant") or going back: no write is lost, updatedAt rises strictly, and a reader paging the diff
 * while writers run ends up with every entity. Subclasses choose the database.
 */
@SpringBootTest
@Import(TestClockConfiguration.class)
abstract class VaultStoreContract {

    private static final int WRITERS = 6;
    private static final int WRITES_EACH = 25;

    @Autowired
    VaultService vault;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    KeyRepository keys;

    @Autowired
    EntityRepository entities;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JsonMapper json;

    private UserId user;

    @BeforeEach
    void accountWithAKey() {
        String email = UUID.randomUUID() + "@example.test";
        jdbc.sql("INSERT INTO users (email, created_at) VALUES (?, 0)")
                .param(email)
                .update();
        long id = jdbc.sql("SELECT id FROM users WHERE email = ?")
                .param(email)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO authenticator_keys (user_id, encrypted_key, header, created_at, last_updated_at) "
                        + "VALUES (?, 'k', 'h', 0, 0)")
                .param(id)
                .update();
        user = new UserId(id);
    }

    @Test
    void concurrentWritersNeverLoseAWriteAndAPagingReaderNeverSkipsOne() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<UUID> seenByReader = ConcurrentHashMap.newKeySet();
        try (ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1)) {
            Future<?> reader = threads.submit(() -> {
                long since = 0;
                while (true) {
                    boolean writersDone = !writing.get();
                    List<Entity> page = vault.diff(user, since, 3).diff();
                    for (Entity entity : page) {
                        seenByReader.add(entity.id());
                        since = Math.max(since, entity.updatedAt());
                    }
                    // Like Ente's mobile client: a short page means caught up, once nobody writes any more.
                    if (writersDone && page.size() < 3) {
                        return;
                    }
                }
            });
            List<Future<List<UUID>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(threads.submit(() -> {
                    List<UUID> mine = new ArrayList<>();
                    for (int i = 0; i < WRITES_EACH; i++) {
                        mine.add(vault.create(user, data(i), header()).id());
                    }
                    vault.update(user, mine.getFirst(), data(99), header());
                    return mine;
                }));
            }
            Set<UUID> written = new HashSet<>();
            try {
                for (Future<List<UUID>> writer : writers) {
                    written.addAll(writer.get());
                }
            } finally {
                writing.set(false);
            }
            reader.get();

            assertThat(written).hasSize(WRITERS * WRITES_EACH);
            assertThat(seenByReader).isEqualTo(written);
        }
        List<Entity> all = vault.diff(user, 0, 5000).diff();
        assertThat(all).hasSize(WRITERS * WRITES_EACH);
        assertStrictlyIncreasing(all);
    }

    @Test
    void concurrentUpdatesOfOneEntityAreAllAppliedOneAfterTheOther() throws Exception {
        UUID id = vault.create(user, data(0), header()).id();
        long before = vault.diff(user, 0, 10).diff().getFirst().updatedAt();
        try (ExecutorService threads = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> updates = new ArrayList<>();
            for (int w = 1; w <= WRITERS * 4; w++) {
                int payload = w;
                updates.add(threads.submit(() -> vault.update(user, id, data(payload), header())));
            }
            for (Future<?> update : updates) {
                update.get();
            }
        }
        Entity last = vault.diff(user, 0, 10).diff().getFirst();
        // The clock stood still, so each applied update moved updatedAt by exactly one microsecond.
        assertThat(last.updatedAt() - before).isEqualTo(WRITERS * 4);
    }

    @Test
    void updatedAtKeepsRisingWhenTheClockGoesBack() {
        Entity first = vault.create(user, data(1), header());
        clock.advance(Duration.ofMinutes(-5));
        Entity second = vault.create(user, data(2), header());
        vault.delete(user, first.id());

        List<Entity> diff = vault.diff(user, 0, 10).diff();
        assertThat(second.updatedAt()).isGreaterThan(first.updatedAt());
        assertThat(diff).extracting(Entity::id).containsExactly(second.id(), first.id());
        assertStrictlyIncreasing(diff);
        assertThat(vault.diff(user, second.updatedAt(), 10).diff())
                .extracting(Entity::isDeleted)
                .containsExactly(true);
        assertThat(vault.liveEntities(user)).extracting(Entity::id).containsExactly(second.id());
    }

    /**
     * Two nodes on one database: each has its own encoded pages, as two JVMs would, and shares only the
     * database. A page kept on one node is reused while nothing is written, and never after a write that
     * the other node acknowledged.
     */
    @Test
    void aPageKeptOnOneNodeIsReusedUntilTheOtherNodeWrites() {
        VaultService nodeA = vault;
        VaultService nodeB = new VaultService(keys, entities, accounts, transaction, clock, new EncodedPages(), json);
        Entity first = nodeB.create(user, data(1), header());

        EntityJson page = nodeA.diffJson(user, 0, 100);
        assertThat(nodeA.diffJson(user, 0, 100))
                .as("nothing written: the same bytes")
                .isSameAs(page);
        assertThat(ids(page)).containsExactly(first.id());
        assertThat(nodeA.diffJson(user, first.updatedAt(), 100).count()).isZero();

        Entity second = nodeB.create(user, data(2), header());
        assertThat(ids(nodeA.diffJson(user, 0, 100))).containsExactly(first.id(), second.id());
        assertThat(ids(nodeA.diffJson(user, first.updatedAt(), 100))).containsExactly(second.id());

        EntityJson live = nodeA.liveJson(user);
        assertThat(nodeA.liveJson(user)).isSameAs(live);
        nodeB.update(user, first.id(), data(3), header());
        assertThat(ids(nodeA.diffJson(user, 0, 100))).containsExactly(second.id(), first.id());
        nodeB.delete(user, second.id());
        assertThat(ids(nodeA.liveJson(user))).containsExactly(first.id());
        assertThat(json.readTree(nodeA.diffJson(user, 0, 100).array())
                        .get(1)
                        .path("isDeleted")
                        .asBoolean())
                .as("the tombstone, the latest change")
                .isTrue();
    }

    @Test
    void theEncodedDiffIsJacksonsEncodingOfTheDiff() {
        vault.create(user, data(1), header());
        vault.create(user, data(2), header());
        vault.delete(user, vault.diff(user, 0, 10).diff().getFirst().id());

        assertThat(new String(vault.diffJson(user, 0, 10).array(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(json.writeValueAsString(vault.diff(user, 0, 10).diff()));
        assertThat(new String(vault.liveJson(user).array(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(json.writeValueAsString(vault.liveEntities(user)));
    }

    private List<UUID> ids(EntityJson page) {
        List<UUID> ids = new ArrayList<>();
        for (JsonNode entity : json.readTree(page.array())) {
            ids.add(UUID.fromString(entity.path("id").asString()));
        }
        assertThat(ids).hasSize(page.count());
        return ids;
    }

    private static void assertStrictlyIncreasing(List<Entity> diff) {
        for (int i = 1; i < diff.size(); i++) {
            assertThat(diff.get(i).updatedAt()).isGreaterThan(diff.get(i - 1).updatedAt());
        }
    }

    private static String data(int seed) {
        byte[] bytes = new byte[40];
        bytes[0] = (byte) seed;
        bytes[1] = (byte) (seed >> 8);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String header() {
        return Base64.getEncoder().encodeToString(new byte[24]);
    }
}
