package io.containeredge.cloud.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrimaryHostTest {

    private final PrimaryHost host = new PrimaryHost("scada-1");

    private static byte[] state(boolean online, long timestamp) {
        return ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theTopicIsTheSparkplug3StateTopic() {
        assertEquals("spBv1.0/STATE/scada-1", host.topic());
        assertThrows(IllegalArgumentException.class, () -> new PrimaryHost("a/b"));
        assertThrows(IllegalArgumentException.class, () -> new PrimaryHost(" "));
    }

    @Test
    void offlineUntilAStateSaysOnlineAndAgainOnEachNewConnection() {
        assertFalse(host.online(), "no STATE yet: offline");
        assertNull(host.accept(state(true, 1000)));
        assertTrue(host.online());
        host.connecting();
        assertFalse(host.online(), "a new connection waits for its retained STATE");
        assertNull(host.accept(state(true, 1000)), "the same retained STATE again is taken");
        assertTrue(host.online());
        assertNull(host.accept(state(false, 2000)));
        assertFalse(host.online());
    }

    @Test
    void anOlderOrMalformedStateIsIgnoredAndChangesNothing() {
        host.accept(state(true, 5000));
        assertNotNull(host.accept(state(false, 4000)), "older than the newest seen");
        assertTrue(host.online());
        assertNotNull(host.accept("ONLINE".getBytes(StandardCharsets.UTF_8)), "the Sparkplug 2 text form");
        assertNotNull(host.accept("{\"online\":\"false\",\"timestamp\":6000}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(host.online());
    }
}
