package io.containeredge.coordinator.election;

import io.containeredge.site.api.CoordinatorConfig;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;

/** Curator clients of the site's ensemble as the configuration names it, for the coordinator and the command line. */
public final class ZooKeeperClients {

    private ZooKeeperClients() {
    }

    /**
     * Not started: the session as configured, a connection attempt of at most 5 s, retries from 200 ms doubling to 2 s.
     *
     * @param retries how often an operation is retried before it fails (a running coordinator waits long, a command
     *     line answers soon)
     */
    public static CuratorFramework of(CoordinatorConfig.ZooKeeper zookeeper, int retries) {
        int sessionMillis = (int) zookeeper.sessionTimeout().toMillis();
        return CuratorFrameworkFactory.builder().connectString(zookeeper.connect()).sessionTimeoutMs(sessionMillis)
                .connectionTimeoutMs(Math.min(sessionMillis, 5000))
                .retryPolicy(new BoundedExponentialBackoffRetry(200, 2000, retries)).build();
    }
}
