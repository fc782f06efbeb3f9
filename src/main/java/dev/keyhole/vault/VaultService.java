package dev.keyhole.vault;

import static dev.keyhole.api.RequestFields.base64;
import static dev.keyhole.api.RequestFields.invalid;
import static dev.keyhole.api.RequestFields.required;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.UserId;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.vault.internal.EntityRepository;
import dev.keyhole.vault.internal.KeyRepository;
import dev.keyhole.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's encrypted authenticator data, as Ente's sync API shapes it. Every entity write runs in
 * one transaction under the account's clock lock ({@link KeyRepository#lockClock}) and takes the next
 * updatedAt: max(now, last + 1). So updatedAt rises strictly in commit order, a diff paged with
 * {@code updatedAt > sinceTime} never skips an entity, and concurrent writers never lose a write. The
 * same clock makes reads cheap (ADR 0023): no entity is newer than it, so a poll since then is answered
 * without reading an entity, and a page encoded under it is reused for as long as it stands still.
 */
@Service
public class VaultService {

    /** Secretbox nonce and secretstream header are both 24 bytes. */
    static final int HEADER_BYTES = 24;
    /** The wrapped authenticator key: 32 bytes plus the 16-byte MAC. */
    static final int WRAPPED_KEY_BYTES = 48;
    /** The secretstream overhead: an entity's ciphertext is never shorter. */
    static final int MIN_ENTITY_BYTES = 17;
    /**
     * An otpauth URI with Ente's codeDisplay JSON (tags, note, icon) is well under 1 KiB; 64 KiB leaves
     * room for long notes while keeping one entity, and a diff page of them, bounded.
     */
    static final int MAX_ENTITY_BYTES = 64 * 1024;

    static final int MAX_DIFF_LIMIT = 5000;

    private final KeyRepository keys;
    private final EntityRepository entities;
    private final AccountService accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EncodedPages pages;
    private final JsonMapper json;

    VaultService(
            KeyRepository keys,
            EntityRepository entities,
            AccountService accounts,
            TransactionTemplate transaction,
            Clock clock,
            EncodedPages pages,
            JsonMapper json) {
        this.keys = keys;
        this.entities = entities;
        this.accounts = accounts;
        this.transaction = transaction;
        this.clock = clock;
        this.pages = pages;
        this.json = json;
    }

    public Optional<AuthenticatorKey> key(UserId user) {
        return keys.findByUser(user.value());
    }

    /** Every entity that is not deleted, oldest change first: the whole vault, for a reader such as the viewer. */
    public List<Entity> liveEntities(UserId user) {
        return entities.findLive(user.value());
    }

    public void createKey(UserId user, @Nullable String encryptedKey, @Nullable String header) {
        base64(encryptedKey, "encryptedKey", WRAPPED_KEY_BYTES);
        base64(header, "header", HEADER_BYTES);
        if (!accounts.hasKeyAttributes(user)) {
            throw ApiException.badRequest("KEY_ATTRIBUTES_NOT_SET", "Set the account's key attributes first.");
        }
        if (!keys.insert(user.value(), encryptedKey, header, EpochMicros.now(clock))) {
            throw new ApiException(HttpStatus.CONFLICT, "CONFLICT", "Key already exists.");
        }
    }

    public Entity create(UserId user, @Nullable String encryptedData, @Nullable String header) {
        checkEntity(encryptedData, header);
        return transaction.execute(status -> {
            long at = nextUpdatedAt(user, lockClock(user));
            Entity created = new Entity(UUID.randomUUID(), user.value(), encryptedData, header, false, at, at);
            entities.insert(created);
            return created;
        });
    }

    public void update(UserId user, @Nullable UUID id, @Nullable String encryptedData, @Nullable String header) {
        UUID entityId = required(id, "id");
        checkEntity(encryptedData, header);
        transaction.executeWithoutResult(status -> {
            long last = lockClock(user);
            Entity current = find(user, entityId);
            if (current.isDeleted()) {
                throw ApiException.badRequest("ENTITY_DELETED", "The entity is already deleted.");
            }
            // A re-send of what is stored (a retried request) changes nothing, not even updatedAt.
            if (encryptedData.equals(current.encryptedData()) && header.equals(current.header())) {
                return;
            }
            entities.update(entityId, user.value(), encryptedData, header, nextUpdatedAt(user, last));
        });
    }

    /** Leaves a tombstone; deleting a tombstone again changes nothing. */
    public void delete(UserId user, UUID id) {
        transaction.executeWithoutResult(status -> {
            long last = lockClock(user);
            if (!find(user, id).isDeleted()) {
                entities.markDeleted(id, user.value(), nextUpdatedAt(user, last));
            }
        });
    }

    public EntityDiff diff(UserId user, long sinceTime, int limit) {
        checkLimit(limit);
        List<Entity> changed =
                readClock(user) <= sinceTime ? List.of() : entities.changedSince(user.value(), sinceTime, limit);
        return new EntityDiff(changed, EpochMicros.now(clock));
    }

    /** {@link #diff}'s entities as JSON, encoded once per account, query and clock. */
    public EntityJson diffJson(UserId user, long sinceTime, int limit) {
        checkLimit(limit);
        long now = readClock(user);
        if (now <= sinceTime) {
            return EntityJson.NONE;
        }
        return encoded(
                new EncodedPages.Query(user.value(), sinceTime, limit),
                now,
                () -> entities.changedSince(user.value(), sinceTime, limit));
    }

    /** {@link #liveEntities} as JSON, encoded once per account and clock; none before the account's key. */
    public EntityJson liveJson(UserId user) {
        Optional<Long> now = keys.clock(user.value());
        if (now.isEmpty()) {
            return EntityJson.NONE;
        }
        return encoded(new EncodedPages.Query(user.value(), 0, 0), now.get(), () -> entities.findLive(user.value()));
    }

    /**
     * The clock is read before the entities: a write that commits in between is then in the page kept
     * under the older clock, which no later request reads again (the database shows the newer one).
     */
    private EntityJson encoded(EncodedPages.Query query, long at, Supplier<List<Entity>> read) {
        return pages.find(query, at).orElseGet(() -> {
            List<Entity> page = read.get();
            EntityJson encoded = new EntityJson(json.writeValueAsBytes(page), page.size());
            pages.keep(query, at, encoded);
            return encoded;
        });
    }

    private long readClock(UserId user) {
        return keys.clock(user.value()).orElseThrow(VaultService::authKeyNotCreated);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_DIFF_LIMIT) {
            throw ApiException.badRequest("INVALID_LIMIT", "limit must be between 1 and " + MAX_DIFF_LIMIT + ".");
        }
    }

    private long lockClock(UserId user) {
        return keys.lockClock(user.value()).orElseThrow(VaultService::authKeyNotCreated);
    }

    private long nextUpdatedAt(UserId user, long last) {
        long at = Math.max(EpochMicros.now(clock), last + 1);
        keys.advanceClock(user.value(), at);
        return at;
    }

    /** Missing and someone else's look the same. */
    private Entity find(UserId user, UUID id) {
        return entities.findByIdAndUser(id, user.value()).orElseThrow(() -> ApiException.notFound("No such entity."));
    }

    private static void checkEntity(@Nullable String encryptedData, @Nullable String header) {
        byte[] data = base64(encryptedData, "encryptedData");
        if (data.length > MAX_ENTITY_BYTES) {
            throw new ApiException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "ENTITY_TOO_LARGE",
                    "An entity may hold at most " + MAX_ENTITY_BYTES + " bytes.");
        }
        if (data.length < MIN_ENTITY_BYTES) {
            throw invalid("encryptedData", "is too short to be a secretstream");
        }
        base64(header, "header", HEADER_BYTES);
    }

    private static ApiException authKeyNotCreated() {
        return ApiException.badRequest("AUTH_KEY_NOT_CREATED", "AuthKey is not created");
    }
}
