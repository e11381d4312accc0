package io.containeredge.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SetupTokenTest {

    @Test
    void aGeneratedTokenIsRandomUrlSafeAndCarriesAtLeast128Bits() {
        SetupToken a = SetupToken.generate();
        String value = a.reveal();
        assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
        assertTrue(Base64.getUrlDecoder().decode(value).length * 8 >= 128);
        assertNotEquals(value, SetupToken.generate().reveal());
        assertTrue(a.matches(value));
        assertFalse(a.matches(value.substring(1)));
        assertFalse(a.matches(null));
        assertFalse(a.toString().contains(value), "toString never shows it");
        assertFalse(a.isConfigured());
    }

    @Test
    void aConfiguredTokenMustNotBeGuessable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SetupToken.configured("short-token"));
        assertTrue(e.getMessage().contains("setup.token"));
        assertFalse(e.getMessage().contains("short-token"), "the refusal never repeats it");
        SetupToken t = SetupToken.configured("0123456789abcdef0123456789abcdef");
        assertTrue(t.isConfigured());
        assertTrue(t.matches("0123456789abcdef0123456789abcdef"));
        assertEquals(22, SetupToken.MIN_CONFIGURED_LENGTH);
    }
}
