package io.containeredge.coordinator.election;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's part in the site's election (Curator's {@link LeaderLatch} under {@code <basePath>/<site>/leader},
 * the instance id as participant id). Taking leadership takes a new epoch ({@link EpochCounter}) before anything is
 * issued. A suspended or lost ZooKeeper connection stops the instance at once, without waiting for the latch: it
 * cannot know whether another took over meanwhile. On reconnection the latch competes again and a win takes a new
 * epoch.
 */
public final class Election implements Closeable {

    /** What the coordinator is told; called on the election's own thread, except {@link #inactive} (see there). */
    public interface Listener {

        /** This instance leads under {@code epoch}, until {@link #inactive}. */
        void active(long epoch);

        /** Stop issuing now. Called on the thread that saw it, Curator's connection thread included: do not block. */
        void inactive(String why);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Election.class);

    private final CuratorFramework client;
    private final String instanceId;
    private final String sitePath;
    private final Listener listener;
    private final ExecutorService events;
    private final LeaderLatch latch;
    private volatile boolean connected = true;
    private volatile long epoch;

    /** @param sitePath {@code <basePath>/<site>} */
    public Election(CuratorFramework client, String sitePath, String instanceId, Listener listener) {
        this.client = client;
        this.instanceId = instanceId;
        this.sitePath = sitePath;
        this.listener = listener;
        this.events = Executors.newSingleThreadExecutor(r -> new Thread(r, "election-" + instanceId));
        this.latch = new LeaderLatch(client, sitePath + "/leader", instanceId);
    }

    public void start() throws Exception {
        client.getConnectionStateListenable().addListener(new ConnectionStateListener() {
            @Override
            public void stateChanged(CuratorFramework c, ConnectionState state) {
                connectionChanged(state);
            }
        });
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                lead();
            }

            @Override
            public void notLeader() {
                stop("leadership lost");
            }
        }, events);
        latch.start();
    }

    private void connectionChanged(ConnectionState state) {
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
            connected = false;
            stop("ZooKeeper connection " + state);
        } else if (state.isConnected()) {
            connected = true;
            LOG.info("{}: ZooKeeper connection {}", instanceId, state);
        }
    }

    private void lead() {
        try {
            long taken = EpochCounter.next(client, sitePath + "/epoch");
            if (!connected || !latch.hasLeadership()) {
                LOG.info("{}: took epoch {} but lost leadership meanwhile", instanceId, taken);
                return;
            }
            epoch = taken;
            LOG.info("{}: active coordinator under epoch {}", instanceId, taken);
            listener.active(taken);
        } catch (Exception e) {
            // without an epoch nothing may be issued; the latch competes again once the connection is back
            LOG.warn("{}: leadership won but no epoch could be taken: {}", instanceId, e.toString());
        }
    }

    private void stop(String why) {
        boolean was = epoch != 0;
        epoch = 0;
        if (was) {
            LOG.warn("{}: standing by: {}", instanceId, why);
        }
        listener.inactive(why);
    }

    /** Whether this instance may issue under {@code epochToCheck} now: connected, leading, that epoch still its own. */
    public boolean holds(long epochToCheck) {
        return epochToCheck != 0 && connected && epoch == epochToCheck && latch.hasLeadership();
    }

    public long epoch() {
        return epoch;
    }

    /** The leader's id as the election sees it, null when there is none or ZooKeeper cannot be asked. */
    public String leaderId() {
        try {
            Participant leader = latch.getLeader();
            return leader.isLeader() ? leader.getId() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Every instance in the election, the leader first; empty when ZooKeeper cannot be asked. */
    public List<String> participants() {
        try {
            List<String> ids = new ArrayList<>();
            latch.getParticipants().stream().sorted((a, b) -> Boolean.compare(b.isLeader(), a.isLeader()))
                    .forEach(p -> ids.add(p.getId()));
            return ids;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Leaves the election at once (the latch's node goes), so a standby takes over without waiting for a timeout. */
    @Override
    public void close() {
        epoch = 0;
        try {
            latch.close();
        } catch (Exception e) {
            LOG.warn("{}: leaving the election: {}", instanceId, e.toString());
        }
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
