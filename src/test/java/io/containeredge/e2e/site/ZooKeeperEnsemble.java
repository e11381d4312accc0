package io.containeredge.e2e.site;

import io.containeredge.e2e.RunningContainer;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;

/**
 * A real three-server ZooKeeper ensemble on loopback in the test JVM (Curator's testing cluster: each server a full
 * quorum peer with its own ports and data directory). A tick of 500 ms lets the coordinators use a 4 s session, so a
 * killed leader's session ends, and its standby takes over, well within one lease.
 */
final class ZooKeeperEnsemble implements AutoCloseable {

    static final int TICK_MILLIS = 500;
    private final TestingCluster cluster;
    private final List<InstanceSpec> stopped = new ArrayList<>();

    private ZooKeeperEnsemble(TestingCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Each server's client, election and quorum ports come from one free range below the kernel's ephemeral ports:
     * Curator's own pick (a port the kernel hands out and takes back) once gave two of them the same port, and a server
     * restarted after {@link #loseQuorum} could find its port taken by some client's connection.
     */
    static ZooKeeperEnsemble start() throws Exception {
        int base = RunningContainer.freeRange(9, 23_000);
        List<InstanceSpec> specs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int port = base + 3 * i;
            specs.add(new InstanceSpec(null, port, port + 1, port + 2, true, -1, TICK_MILLIS, -1));
        }
        TestingCluster cluster = new TestingCluster(specs);
        cluster.start();
        return new ZooKeeperEnsemble(cluster);
    }

    String connectString() {
        return cluster.getConnectString();
    }

    /** Stops two of the three servers: the one left has no quorum and serves nobody. */
    void loseQuorum() throws Exception {
        List<InstanceSpec> instances = new ArrayList<>(cluster.getInstances());
        for (InstanceSpec spec : instances.subList(0, 2)) {
            cluster.killServer(spec);
            stopped.add(spec);
        }
    }

    void restoreQuorum() throws Exception {
        for (InstanceSpec spec : stopped) {
            cluster.restartServer(spec);
        }
        stopped.clear();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
