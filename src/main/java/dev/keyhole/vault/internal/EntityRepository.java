package dev.keyhole.vault.internal;

import dev.keyhole.vault.Entity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authenticator entities; every statement is scoped to the owning account. */
@Repository
public class EntityRepository {

    private static final String COLUMNS = "id, user_id, encrypted_data, header, is_deleted, created_at, updated_at";

    private final JdbcClient jdbc;

    EntityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entity> findByIdAndUser(UUID id, long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM authenticator_entities WHERE id = ? AND user_id = ?")
                .params(id, userId)
                .query((rs, row) -> read(rs))
                .optional();
    }

    public void insert(Entity entity) {
        jdbc.sql("INSERT INTO authenticator_entities (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        entity.id(),
                        entity.userId(),
                        entity.encryptedData(),
                        entity.header(),
                        entity.isDeleted(),
                        entity.createdAt(),
                        entity.updatedAt())
                .update();
    }

    public void update(UUID id, long userId, String encryptedData, String header, long updatedAt) {
        jdbc.sql("""
                UPDATE authenticator_entities SET encrypted_data = ?, header = ?, updated_at = ?
                WHERE id = ? AND user_id = ? AND is_deleted = FALSE""").params(encryptedData, header, updatedAt, id, userId).update();
    }

    /** A tombstone: the data goes, the row stays so that every client learns of the delete. */
    public void markDeleted(UUID id, long userId, long updatedAt) {
        jdbc.sql("""
                UPDATE authenticator_entities SET is_deleted = TRUE, encrypted_data = NULL, header = NULL,
                    updated_at = ? WHERE id = ? AND user_id = ?""").params(updatedAt, id, userId).update();
    }

    /** Changes after {@code sinceTime}, oldest first; updated_at is unique per account, so none is skipped. */
    public List<Entity> changedSince(long userId, long sinceTime, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM authenticator_entities WHERE user_id = ? AND updated_at > ? "
                        + "ORDER BY updated_at LIMIT ?")
                .params(userId, sinceTime, limit)
                .query((rs, row) -> read(rs))
                .list();
    }

    public List<Entity> findLive(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM authenticator_entities WHERE user_id = ? AND is_deleted = FALSE "
                        + "ORDER BY updated_at")
                .param(userId)
                .query((rs, row) -> read(rs))
                .list();
    }

    private static Entity read(ResultSet rs) throws SQLException {
        return new Entity(
                rs.getObject(1, UUID.class),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getLong(6),
                rs.getLong(7));
    }
}
