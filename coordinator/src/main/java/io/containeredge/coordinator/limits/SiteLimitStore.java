package io.containeredge.coordinator.limits;

import java.io.Closeable;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's limits in ZooKeeper, at {@code <basePath>/<site>/limits}: replicated by the ensemble and read by every
 * coordinator instance, so a limit set once applies under whichever instance leads, and survives every restart. A
 * running coordinator {@link #watch}es the node (Curator's cache: a change reaches it within a network round trip);
 * the command line and tests change it with {@link #update}, a compare-and-set on the node's version, so two operators
 * setting limits at once both get theirs.
 */
public final class SiteLimitStore implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteLimitStore.class);
    private static final int CAS_TRIES = 20;

    /**
     * The limits as last read.
     *
     * @param problem why they are unknown (not read yet, or the node does not parse), null when {@code limits} holds them
     */
    public record Read(SiteLimits limits, String problem) {
    }

    private final CuratorFramework client;
    private final String path;
    private static final Read NOT_READ = new Read(SiteLimits.NONE, "not read from ZooKeeper yet");

    private CuratorCache cache;
    private volatile Read last = NOT_READ;

    /** @param sitePath {@code <basePath>/<site>} */
    public SiteLimitStore(CuratorFramework client, String sitePath) {
        this.client = client;
        this.path = sitePath + "/limits";
    }

    /** Keeps {@link #read} up to date from now on; {@code onChange} runs on Curator's thread after each change. */
    public void watch(Runnable onChange) {
        cache = CuratorCache.build(client, path, CuratorCache.Options.SINGLE_NODE_CACHE);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreates(data -> take(data, onChange))
                .forChanges((before, after) -> take(after, onChange))
                .forDeletes(data -> take(null, onChange))
                .forInitialized(() -> {
                    if (cache.get(path).isEmpty()) {
                        take(null, onChange);
                    }
                })
                .build());
        cache.start();
    }

    private void take(ChildData data, Runnable onChange) {
        last = parse(data == null ? null : data.getData());
        if (last.problem() != null) {
            LOG.error("site limits at {} unreadable, allocating under the fallback shares until they are mended: {}",
                    path, last.problem());
        } else {
            LOG.info("site limits at {}: {} kept", path, last.limits().limits().size());
        }
        onChange.run();
    }

    private static Read parse(byte[] bytes) {
        try {
            return new Read(SiteLimits.parse(bytes), null);
        } catch (IllegalArgumentException e) {
            return new Read(SiteLimits.NONE, e.getMessage());
        }
    }

    /** The limits as the watch last read them, without waiting (for people: the dashboard). */
    public Read lastRead() {
        return last;
    }

    /**
     * The limits as the watch last read them; before its first read, read from ZooKeeper now: a coordinator elected
     * the moment it started must not allocate under the safe value for want of a read that takes milliseconds.
     */
    public Read read() {
        Read r = last;
        if (r != NOT_READ) {
            return r;
        }
        try {
            return readNow();
        } catch (Exception e) {
            return new Read(SiteLimits.NONE, "not readable from ZooKeeper: " + e.getMessage());
        }
    }

    /** Reads the node now (no watch needed). */
    public Read readNow() throws Exception {
        try {
            return parse(client.getData().forPath(path));
        } catch (KeeperException.NoNodeException e) {
            return new Read(SiteLimits.NONE, null);
        }
    }

    /**
     * Changes the limits with {@code change} and writes them back, only if nobody wrote in between (else reads and
     * applies it again).
     *
     * @return the limits as written
     * @throws IllegalArgumentException when the node holds limits that do not parse (nothing is written over them:
     *     an operator looks first), or from {@code change}
     */
    public SiteLimits update(UnaryOperator<SiteLimits> change) throws Exception {
        for (int i = 0; i < CAS_TRIES; i++) {
            Stat stat = new Stat();
            byte[] bytes;
            try {
                bytes = client.getData().storingStatIn(stat).forPath(path);
            } catch (KeeperException.NoNodeException e) {
                SiteLimits next = change.apply(SiteLimits.NONE);
                try {
                    client.create().creatingParentsIfNeeded().forPath(path, next.toJson());
                    return next;
                } catch (KeeperException.NodeExistsException raced) {
                    continue;
                }
            }
            SiteLimits held;
            try {
                held = SiteLimits.parse(bytes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the limits at " + path + " do not parse (" + e.getMessage()
                        + "); nothing written over them: look at them, then remove the node (zkCli: delete " + path
                        + ")", e);
            }
            SiteLimits next = change.apply(held);
            try {
                client.setData().withVersion(stat.getVersion()).forPath(path, next.toJson());
                return next;
            } catch (KeeperException.BadVersionException raced) {
                // somebody else wrote: read theirs and apply ours to it
            }
        }
        throw new IllegalStateException("the site limits kept changing under " + CAS_TRIES + " tries: try again");
    }

    @Override
    public void close() {
        if (cache != null) {
            cache.close();
        }
    }
}
