package io.containeredge.console.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        PasswordHash stored = hasher.hash("correct horse battery".toCharArray());
        assertTrue(hasher.matches("correct horse battery".toCharArray(), stored));
        assertFalse(hasher.matches("correct horse batterY".toCharArray(), stored));
        assertFalse(hasher.matches(new char[0], stored));
    }

    @Test
    void everyHashHasItsOwnSixteenByteSaltAndA256BitKey() {
        PasswordHash a = hasher.hash("same password!".toCharArray());
        PasswordHash b = hasher.hash("same password!".toCharArray());
        assertEquals(16, a.salt().length);
        assertEquals(32, a.hash().length);
        assertFalse(Arrays.equals(a.salt(), b.salt()));
        assertFalse(Arrays.equals(a.hash(), b.hash()), "the same password never gives the same hash");
    }

    @Test
    void theIterationCountIsStoredSoAStoreHashedWithAnotherCountStillVerifies() {
        PasswordHash old = new PasswordHasher(500).hash("an older password".toCharArray());
        assertEquals(500, old.iterations());
        assertTrue(hasher.matches("an older password".toCharArray(), old));
        assertEquals(210_000, PasswordHasher.DEFAULT_ITERATIONS);
    }

    @Test
    void derivationIsPbkdf2HmacSha256() {
        // RFC 7914 section 11 test vector for PBKDF2-HMAC-SHA256 ("passwd", "salt", 1 iteration), first 32 bytes
        byte[] expected = HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        PasswordHash vector = new PasswordHash("salt".getBytes(StandardCharsets.US_ASCII), 1, expected);
        assertTrue(hasher.matches("passwd".toCharArray(), vector));
    }

    @Test
    void toStringShowsNeitherSaltNorHash() {
        PasswordHash h = hasher.hash("never in a log!".toCharArray());
        String text = h.toString();
        assertFalse(text.contains(Base64.getEncoder().encodeToString(h.hash())), text);
        assertFalse(text.contains(Arrays.toString(h.salt())), text);
        assertNotEquals(-1, text.indexOf("1000"));
    }

    @Test
    void theRecordKeepsCopiesSoACallerCannotChangeAStoredHash() {
        PasswordHash h = hasher.hash("immutable pass".toCharArray());
        byte[] leaked = h.hash();
        leaked[0] ^= 1;
        assertFalse(Arrays.equals(leaked, h.hash()));
        assertArrayEquals(h.hash(), h.hash());
    }
}
