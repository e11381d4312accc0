package io.containeredge.coordinator.election;

import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The leader epoch: a persistent znode holding a number, raised by one with a compare-and-set (the write names the
 * version it read) each time an instance takes leadership. Two instances can never hold the same epoch, and a later
 * leader always holds a higher one, so a gateway can refuse a deposed leader's leases.
 */
final class EpochCounter {

    private EpochCounter() {
    }

    static long next(CuratorFramework client, String path) throws Exception {
        if (client.checkExists().forPath(path) == null) {
            try {
                client.create().creatingParentsIfNeeded().forPath(path, bytes(0));
            } catch (KeeperException.NodeExistsException another) {
                // another instance made it first: read it below
            }
        }
        while (true) {
            Stat stat = new Stat();
            long current = Long.parseLong(new String(client.getData().storingStatIn(stat).forPath(path),
                    StandardCharsets.US_ASCII).strip());
            try {
                client.setData().withVersion(stat.getVersion()).forPath(path, bytes(current + 1));
                return current + 1;
            } catch (KeeperException.BadVersionException raced) {
                // another instance raised it between the read and the write: read again
            }
        }
    }

    private static byte[] bytes(long epoch) {
        return Long.toString(epoch).getBytes(StandardCharsets.US_ASCII);
    }
}
