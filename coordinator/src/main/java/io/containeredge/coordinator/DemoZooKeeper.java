package io.containeredge.coordinator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single ZooKeeper server inside the coordinator's process, on loopback, for the demo only: a site runs an
 * ensemble of three or five on their own machines, or the election protects against nothing.
 */
final class DemoZooKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoZooKeeper.class);
    private static final long STARTUP_TIMEOUT_MILLIS = 30_000;
    private final ZooKeeperServerEmbedded server;

    private DemoZooKeeper(ZooKeeperServerEmbedded server) {
        this.server = server;
    }

    static DemoZooKeeper start(Path dir, int port) throws Exception {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("clientPort", Integer.toString(port));
        p.setProperty("clientPortAddress", "127.0.0.1");
        p.setProperty("tickTime", "1000");
        p.setProperty("admin.enableServer", "false");
        ZooKeeperServerEmbedded server = ZooKeeperServerEmbedded.builder().baseDir(dir).configuration(p)
                .exitHandler(ExitHandler.LOG_ONLY).build();
        server.start(STARTUP_TIMEOUT_MILLIS);
        LOG.warn("demo ZooKeeper (one server, no availability) on 127.0.0.1:{}, data in {}", port, dir);
        return new DemoZooKeeper(server);
    }

    @Override
    public void close() {
        server.close();
    }
}
