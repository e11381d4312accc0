package io.containeredge.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void readsTypedSettings() throws Exception {
        Path f = Files.writeString(dir.resolve("cloud.properties"), """
                # site broker pair
                server.uris = ssl://10.0.0.1:8883, ssl://10.0.0.2:8883
                username = c042
                password = p=a:s s
                drain.rate = 150
                deadband = 0.05
                command.keys = ops=AAAA,backup=BBBB
                """);
        Dictionary<String, Object> p = CloudProperties.read(f);
        assertArrayEquals(new String[] {"ssl://10.0.0.1:8883", "ssl://10.0.0.2:8883"}, (String[]) p.get("server.uris"));
        assertEquals("p=a:s s", p.get("password"));
        assertEquals(150, p.get("drain.rate"));
        assertEquals(0.05, p.get("deadband"));
        assertArrayEquals(new String[] {"ops=AAAA", "backup=BBBB"}, (String[]) p.get("command.keys"));
    }

    @Test
    void everyUnknownKeyAndBadNumberIsReported() throws Exception {
        Path f = Files.writeString(dir.resolve("cloud.properties"), "servr.uris=tcp://x:1\ndrain.rate=fast\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudProperties.read(f));
        assertTrue(e.getMessage().contains("servr.uris: unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains("drain.rate: 'fast' is not an integer"), e.getMessage());
    }

    @Test
    void aMissingFileIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CloudProperties.read(dir.resolve("absent.properties")));
        assertTrue(e.getMessage().contains("absent.properties"), e.getMessage());
    }
}
