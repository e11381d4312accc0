package io.containeredge.coordinator;

import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;

/** A real ZooKeeper server on loopback (Curator's testing server) and a client connected to it, for tests. */
public final class TestZooKeeper implements AutoCloseable {

    private final TestingServer server;
    private final CuratorFramework client;

    private TestZooKeeper(TestingServer server, CuratorFramework client) {
        this.server = server;
        this.client = client;
    }

    /** Started, and the client connected (or an exception within 10 s). */
    public static TestZooKeeper start() throws Exception {
        TestingServer server = new TestingServer(true);
        return new TestZooKeeper(server, connect(server.getConnectString()));
    }

    /** A client of the server at {@code connectString}, connected. */
    public static CuratorFramework connect(String connectString) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(connectString, new RetryOneTime(100));
        client.start();
        if (!client.blockUntilConnected(10, TimeUnit.SECONDS)) {
            client.close();
            throw new IllegalStateException("ZooKeeper " + connectString + " not connected within 10 s");
        }
        return client;
    }

    public CuratorFramework client() {
        return client;
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
    }
}
