package io.containeredge.console.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code console-users.json}: {@code {"format": 1, "users": [{"name", "role", "iterations", "salt", "hash"}]}}
 * with salt and hash in base64. Written whole through {@link DurableFiles#replace}, so a power cut
 * leaves the old or the new list, never a mix; a file that does not parse is an error, never an empty
 * list (that would reopen setup to whoever reads the log).
 *
 * <p>Format: {@code "format"} is raised whenever a release stores users differently; reading keeps
 * accepting every older format and the next write stores the current one. A file of a newer format
 * (met after a rollback) is refused at open, before anything could write it, so the newer release's
 * users, and whatever it added to them, are never replaced by this release's view of them.
 */
final class UserFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private UserFile() {
    }

    /** The users in {@code file}, by name; none when the file does not exist. */
    static Map<String, StoredUser> read(Path file) throws IOException {
        Map<String, StoredUser> users = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return users;
        }
        JsonNode root = JSON.readTree(file.toFile());
        int format = root == null ? 0 : root.path("format").asInt();
        if (format > FORMAT) {
            throw new IOException(file + " is in users file format " + format + ", newer than format " + FORMAT
                    + " that this release reads: it was written by a newer release. The file is left unchanged and"
                    + " user management does not start; run that release again to log in.");
        }
        if (format != FORMAT || !root.path("users").isArray()) {
            throw new IOException(file + ": not a format " + FORMAT + " users file");
        }
        for (JsonNode n : root.get("users")) {
            StoredUser user = user(n, file);
            if (users.put(user.name(), user) != null) {
                throw new IOException(file + ": user '" + user.name() + "' appears twice");
            }
        }
        return users;
    }

    /** Replaces {@code file} with {@code users}, readable by the gateway's user only where the file system allows. */
    static void write(Path file, Collection<StoredUser> users) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("users");
        Base64.Encoder b64 = Base64.getEncoder();
        for (StoredUser u : users) {
            ObjectNode n = list.addObject();
            n.put("name", u.name());
            n.put("role", u.role().name());
            n.put("iterations", u.password().iterations());
            n.put("salt", b64.encodeToString(u.password().salt()));
            n.put("hash", b64.encodeToString(u.password().hash()));
        }
        DurableFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        restrictToOwner(file);
    }

    private static StoredUser user(JsonNode n, Path file) throws IOException {
        String name = n.path("name").asText(null);
        if (!AccountRules.validName(name)) {
            throw new IOException(file + ": invalid user name '" + name + "'");
        }
        try {
            Role role = Role.valueOf(n.path("role").asText(""));
            int iterations = n.path("iterations").asInt(0);
            byte[] salt = Base64.getDecoder().decode(n.path("salt").asText(""));
            byte[] hash = Base64.getDecoder().decode(n.path("hash").asText(""));
            if (iterations < 1 || salt.length == 0 || hash.length == 0) {
                throw new IllegalArgumentException("no iterations, salt or hash");
            }
            return new StoredUser(name, role, new PasswordHash(salt, iterations, hash));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": user '" + name + "': " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's permissions are all there is
        }
    }
}
