package io.containeredge.cloud.remote;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestKeysTest {

    static String message(String... entries) {
        return assertThrows(IllegalArgumentException.class, () -> RequestKeys.parse(entries)).getMessage();
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedNamingTheKeyNotTheSecret() {
        String shortSecret = Base64.getEncoder().encodeToString("only-sixteen-byt".getBytes());
        String m = message("ops=" + shortSecret);

        assertTrue(m.contains("command.keys entry 1 ('ops')"), m);
        assertTrue(m.contains("16 bytes, at least 32"), m);
        assertFalse(m.contains(shortSecret), "the secret is not in the message");
    }

    @Test
    void malformedEntriesAreRefused() {
        assertTrue(message("no-equals-sign").contains("expected keyId=base64secret"));
        assertTrue(message("=abc").contains("expected keyId=base64secret"));
        assertTrue(message("ops=***not base64***").contains("not valid base64"));
        assertTrue(message(Signer.OPS, Signer.OPS).contains("given twice"));
    }

    @Test
    void keysAreFoundByIdAndNoneMeansEveryRequestIsRefused() {
        assertEquals(Set.of("ops"), RequestKeys.parse(" " + Signer.OPS + " ").keyIds());
        assertTrue(RequestKeys.parse().keyIds().isEmpty());
        assertTrue(RequestKeys.parse((String[]) null).keyIds().isEmpty());
    }

    @Test
    void aSignatureVerifiesInEitherHexCaseAndOnlyForItsText() {
        RequestKeys keys = RequestKeys.parse(Signer.OPS);
        String sig = Signer.hmacHex(Signer.KEY_TEXT, "text");

        assertDoesNotThrow(() -> keys.verify("r", "ops", "text", sig));
        assertDoesNotThrow(() -> keys.verify("r", "ops", "text", sig.toUpperCase()));
        assertEquals("wrong signature", assertThrows(Refusal.class, () -> keys.verify("r", "ops", "text!", sig)).getMessage());
        assertEquals("wrong signature", assertThrows(Refusal.class,
                () -> keys.verify("r", "ops", "text", sig.substring(2))).getMessage());
        assertEquals("unknown key id", assertThrows(Refusal.class, () -> keys.verify("r", "dev", "text", sig)).getMessage());
    }

    @Test
    void scopesAreActionNamesAndAListSplitAtItsCommasStaysWithItsKey() {
        String admin = "admin=" + Signer.OPS.substring(4) + ":*";
        RequestKeys keys = RequestKeys.parse(Signer.OPS + ":curtail", "ack-alarm", "reset-trip", admin);
        assertEquals(Set.of("ops", "admin"), keys.keyIds());
        assertTrue(keys.allows("ops", "curtail") && keys.allows("ops", "ack-alarm") && keys.allows("ops", "reset-trip"));
        assertFalse(keys.allows("ops", "config.apply"));
        assertFalse(keys.allows("ops", "write"));
        assertTrue(keys.allows("admin", "config.apply") && keys.allows("admin", "write"));
        assertFalse(keys.allows("nobody", "curtail"));
        assertTrue(RequestKeys.parse(Signer.OPS + ":curtail,rebirth").allows("ops", "rebirth"), "one string, as Kura gives it");
    }

    @Test
    void aKeyWithoutAScopeListMayDoEveryActionAsBefore() {
        RequestKeys keys = RequestKeys.parse(Signer.OPS);
        assertTrue(keys.allows("ops", "config.rollback") && keys.allows("ops", "curtail"));
    }

    @Test
    void anUnknownScopeIsRefusedNamingTheKnownOnes() {
        String m = message(Signer.OPS + ":curtail,ack");
        assertTrue(m.contains("command.keys entry 1 ('ops'): unknown scope 'ack'"), m);
        assertTrue(m.contains("ack-alarm"), m);
    }
}
