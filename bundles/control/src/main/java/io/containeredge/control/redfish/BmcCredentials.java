package io.containeredge.control.redfish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A BMC login from its credentials file: one line {@code user:password}. */
record BmcCredentials(String user, String password) {

    @Override
    public String toString() {
        return "BmcCredentials[" + user + ", password hidden]";
    }

    /**
     * Reads the file (relative to the data directory unless absolute).
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it; the password is never quoted
     */
    static BmcCredentials read(Path dataDir, String file, String serverId) {
        Path path = dataDir.resolve(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("credentials file " + path + " of GPU server " + serverId
                    + " cannot be read (" + e.getClass().getSimpleName() + "): it must hold one line user:password");
        }
        String line = lines.size() == 1 ? lines.get(0).strip() : "";
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("credentials file " + path + " of GPU server " + serverId
                    + " must hold exactly one line user:password");
        }
        return new BmcCredentials(line.substring(0, colon), line.substring(colon + 1));
    }
}
