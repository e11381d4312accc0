package io.containeredge.coordinator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The users file: {@code {"format":1,"users":[{"name","role","iterations","salt","hash"}]}}, salt and hash in base64
 * (the gateway console's format). Every role may read the dashboard: it changes nothing. A file that does not parse is
 * an error, never "no users", and it is read at each login so that {@code --add-user} needs no restart.
 */
final class DashboardUsers {

    static final int FORMAT = 1;
    /** What {@code --add-user} stores: the dashboard only shows. */
    static final String ROLE = "VIEWER";
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,32}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    DashboardUsers(Path file) {
        this.file = file;
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    /** A user's role as stored (kept as it is when another user is added) and password. */
    record Account(String role, PasswordDigest password) {
    }

    /** True when {@code name} exists with this password; a missing or unreadable file lets nobody in. */
    boolean check(String name, char[] password) throws IOException {
        Account account = read().get(name);
        return account != null && account.password().matches(password);
    }

    /** Adds the user, or gives an existing one the new password, and writes the file whole. */
    void put(String name, PasswordDigest password) throws IOException {
        if (!validName(name)) {
            throw new IllegalArgumentException("a user name is 1 to 32 of a-z, 0-9, '.', '_', '-'");
        }
        Map<String, Account> users = read();
        Account before = users.get(name);
        users.put(name, new Account(before == null ? ROLE : before.role(), password));
        write(users);
    }

    Map<String, Account> read() throws IOException {
        Map<String, Account> users = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return users;
        }
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || root.path("format").asInt() != FORMAT || !root.path("users").isArray()) {
            throw new IOException(file + ": not a format " + FORMAT + " users file");
        }
        for (JsonNode user : root.get("users")) {
            String name = user.path("name").asText("");
            try {
                users.put(name, new Account(user.path("role").asText(ROLE), PasswordDigest.stored(
                        user.path("iterations").asInt(0), user.path("salt").asText(""), user.path("hash").asText(""))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": user '" + name + "': " + e.getMessage(), e);
            }
        }
        return users;
    }

    /** Through a sibling file and an atomic move, readable by the coordinator's user only: a crash leaves old or new. */
    private void write(Map<String, Account> users) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
        ArrayNode list = root.putArray("users");
        users.forEach((name, account) -> list.addObject().put("name", name).put("role", account.role())
                .put("iterations", account.password().iterations()).put("salt", account.password().saltBase64())
                .put("hash", account.password().hashBase64()));
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path next = absolute.resolveSibling(absolute.getFileName() + ".next");
        Files.write(next, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        try {
            Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions are all there is
        }
        Files.move(next, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
