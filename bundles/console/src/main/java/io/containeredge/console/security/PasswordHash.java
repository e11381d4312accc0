package io.containeredge.console.security;

/**
 * A stored password: PBKDF2-HMAC-SHA256 output with its salt and iteration count, so the count can be
 * raised later without invalidating older hashes. {@link #toString()} never shows the bytes.
 *
 * @param salt       16 random bytes, different for every user and every password change
 * @param iterations how many PBKDF2 rounds produced {@code hash}
 * @param hash       the derived key (32 bytes)
 */
public record PasswordHash(byte[] salt, int iterations, byte[] hash) {

    public PasswordHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public String toString() {
        return "PasswordHash[" + iterations + " iterations]";
    }
}
