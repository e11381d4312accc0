package io.containeredge.coordinator.dashboard;

import java.nio.file.Path;

/**
 * Where the site dashboard listens and keeps its files.
 *
 * @param bindAddress the address it listens on; loopback unless the operator opens it to the site network
 * @param port its TCP port, 0 for any free one (tests)
 * @param usersFile the users who may log in, {@code {"format":1,"users":[...]}} as {@code --add-user} writes it
 * @param keyStoreDir where its self-signed certificate is made at first start and kept
 */
public record DashboardSettings(String bindAddress, int port, Path usersFile, Path keyStoreDir) {

    public static final String LOOPBACK = "127.0.0.1";

    public DashboardSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("dashboard port must be 0..65535, got " + port);
        }
    }

    /** On loopback: a site server's operators reach it through an SSH tunnel or a reverse proxy. */
    public DashboardSettings(int port, Path usersFile, Path keyStoreDir) {
        this(LOOPBACK, port, usersFile, keyStoreDir);
    }
}
