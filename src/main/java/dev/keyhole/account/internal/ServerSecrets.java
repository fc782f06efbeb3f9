package dev.keyhole.account.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named random keys that live in the database, not in configuration: created by whichever node needs
 * one first, then the same for every node and across restarts (fake SRP attributes must not change).
 */
@Repository
public class ServerSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    ServerSecrets(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // Its own transaction: a key cached here must be committed even if the caller's work rolls back.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The 32-byte key with this name. */
    public byte[] key(String name) {
        return cache.computeIfAbsent(name, n -> ownTransaction.execute(status -> loadOrCreate(n)))
                .clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // When another node raced us, its key stays and ours is dropped, so that all nodes agree.
        jdbc.sql("INSERT INTO server_secrets (name, secret) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(name, Base64.getEncoder().encodeToString(fresh))
                .update();
        String stored = jdbc.sql("SELECT secret FROM server_secrets WHERE name = ?")
                .param(name)
                .query(String.class)
                .single();
        return Base64.getDecoder().decode(stored);
    }
}
