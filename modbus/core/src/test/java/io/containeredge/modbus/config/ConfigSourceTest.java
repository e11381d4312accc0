package io.containeredge.modbus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

    @TempDir
    Path dir;

    @Test
    void builtInTextIsTheDocumentAsWritten() throws ConfigException {
        String text = ConfigSource.builtInText(ConfigSource.class, "profiles/pdu-20-socket.yaml").orElseThrow();
        assertTrue(text.startsWith("# Switchable PDU"), text.lines().findFirst().orElse(""));
        assertEquals(Optional.empty(), ConfigSource.builtInText(ConfigSource.class, "profiles/no-such-profile.yaml"));
    }

    @Test
    void aDirectoryDocumentWinsOverTheBuiltInOne() throws IOException, ConfigException {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/immersion-cdu.yaml"), "id: immersion-cdu\ndescription: mine\n");
        ConfigSource source = new ConfigSource(dir);
        assertEquals("mine", source.read("profiles/immersion-cdu.yaml").orElseThrow().tree().get("description").asText());
        assertEquals("built-in:profiles/pdu-20-socket.yaml", source.read("profiles/pdu-20-socket.yaml").orElseThrow().name());
        assertEquals(Optional.empty(), source.read("profiles/none.yaml"));
    }
}
