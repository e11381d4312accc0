package io.containeredge.coordinator.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardUserSetupTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int add(String name, String typed) {
        return DashboardUserSetup.addUser(dir.resolve("users.json"), name,
                DashboardUserSetup.lines(new BufferedReader(new StringReader(typed))),
                new PrintStream(output, true, StandardCharsets.UTF_8), 1000);
    }

    @Test
    void storesTheConsoleFormatAndChecksThePassword() throws Exception {
        assertEquals(0, add("operator", "a long password\na long password\n"));
        assertEquals(0, add("second", "another password\nanother password\n"));
        JsonNode root = new ObjectMapper().readTree(dir.resolve("users.json").toFile());
        assertEquals(1, root.get("format").asInt());
        JsonNode user = root.get("users").get(0);
        assertEquals("operator", user.get("name").asText());
        assertEquals("VIEWER", user.get("role").asText());
        assertEquals(1000, user.get("iterations").asInt());
        assertFalse(user.get("salt").asText().isEmpty());
        DashboardUsers users = new DashboardUsers(dir.resolve("users.json"));
        assertTrue(users.check("operator", "a long password".toCharArray()));
        assertFalse(users.check("operator", "another password".toCharArray()));
        assertFalse(users.check("nobody", "a long password".toCharArray()));
    }

    @Test
    void aFileThatDoesNotParseIsAnErrorNotAnEmptyList() throws Exception {
        Files.writeString(dir.resolve("users.json"), "{\"users\": []}");
        DashboardUsers users = new DashboardUsers(dir.resolve("users.json"));
        assertThrows(java.io.IOException.class, () -> users.check("operator", "a long password".toCharArray()));
        assertEquals(1, add("operator", "a long password\na long password\n"), "nor is it overwritten");
    }

    @Test
    void refusesAMismatchAShortPasswordAndABadName() {
        assertEquals(1, add("operator", "a long password\na long passwork\n"));
        assertEquals(1, add("operator", "short\nshort\n"));
        assertEquals(1, add("Operator!", "a long password\na long password\n"));
        assertEquals(1, add("operator", "a long password\n"));
        assertFalse(Files.exists(dir.resolve("users.json")));
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("differ"));
    }
}
