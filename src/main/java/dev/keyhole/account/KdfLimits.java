package dev.keyhole.account;

import dev.keyhole.api.RequestFields;
import dev.keyhole.web.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * The weakest Argon2id parameters accepted for an account's KEK, as Ente's server enforces them: at
 * least 128 MiB, and memLimit x opsLimit at least 4 GiB (Ente requires exactly 4 GiB; stronger is
 * accepted here, as it only costs the client time). The maxima are libsodium's.
 */
final class KdfLimits {

    static final long MIN_MEM_LIMIT = 128L * 1024 * 1024;
    static final long MIN_STRENGTH = 4L * 1024 * 1024 * 1024;
    static final long MAX_MEM_LIMIT = 4398046510080L;
    static final long MAX_OPS_LIMIT = 4294967295L;

    private KdfLimits() {}

    static void check(@Nullable Long memLimit, @Nullable Long opsLimit) {
        long mem = RequestFields.required(memLimit, "memLimit");
        long ops = RequestFields.required(opsLimit, "opsLimit");
        if (mem < MIN_MEM_LIMIT || mem > MAX_MEM_LIMIT || ops < 1 || ops > MAX_OPS_LIMIT) {
            throw weak("memLimit must be at least 128 MiB and both limits within libsodium's range");
        }
        // memLimit >= 128 MiB, so this quotient is at most 32 and the comparison cannot overflow.
        if (ops < Math.ceilDiv(MIN_STRENGTH, mem)) {
            throw weak("memLimit x opsLimit must be at least 4 GiB (for example 256 MiB x 16)");
        }
    }

    private static ApiException weak(String detail) {
        return ApiException.badRequest("WEAK_KDF_PARAMETERS", "The Argon2id parameters are too weak: " + detail + ".");
    }
}
