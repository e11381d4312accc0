package io.containeredge.cloud.sparkplug;

import io.containeredge.modbus.value.PointValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleBiFunction;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * The Sparkplug B edge-node state machine: which births are in force, bdSeq and seq, and what
 * changed since it was last sent. Pure: it builds messages, the caller publishes them and persists
 * {@link #nextBdSeq()}; time is always passed in.
 *
 * <p>Life cycle: {@link #connecting} (NDEATH to register as the will) → MQTT connect →
 * {@link #connected} (NBIRTH + DBIRTHs) → {@link #update} / {@link #nodeStatus} / {@link #deviceOffline}
 * … → {@link #disconnected}. While disconnected, {@link #update} keeps producing DDATA for the
 * store-and-forward queue. Data messages are queued with names as well as aliases: a message may be
 * published after a restart, whose births may number metrics differently; the publisher sends data by
 * alias only, giving older (historical) messages the aliases their names have in the births in force
 * (see the cloud component's stamper).
 */
public final class EdgeNodeSession {

    public static final String BD_SEQ = "bdSeq";
    public static final String REBIRTH = "Node Control/Rebirth";

    private final SparkplugTopics topics;
    private final ToDoubleBiFunction<String, String> deadband;
    private final long fullRefreshMillis;
    private final MetricCatalog catalog = new MetricCatalog();
    private final SortedMap<String, DeviceState> devices = new TreeMap<>();
    private final NodeStatus status = new NodeStatus();
    private int nextBdSeq;
    private int bdSeq = -1;
    private long seq;
    private boolean connected;
    private long lastFullRefresh;

    /**
     * @param nextBdSeq the value the caller persisted from {@link #nextBdSeq()}, 0 the first time
     * @param deadband absolute deadband of a numeric point (device, point); 0 sends every change
     * @param fullRefreshMillis every device's metrics are all sent again this often; 0 never
     */
    public EdgeNodeSession(SparkplugTopics topics, int nextBdSeq, ToDoubleBiFunction<String, String> deadband,
            long fullRefreshMillis) {
        if (nextBdSeq < 0 || nextBdSeq > 255) {
            throw new IllegalArgumentException("bdSeq must be 0..255, got " + nextBdSeq);
        }
        this.topics = topics;
        this.nextBdSeq = nextBdSeq;
        this.deadband = deadband;
        this.fullRefreshMillis = fullRefreshMillis;
    }

    /** bdSeq of the current (or last) connection, -1 before the first {@link #connecting}. */
    public int bdSeq() {
        return bdSeq;
    }

    /** bdSeq the next connection will use: persist it before connecting so a restart never reuses one. */
    public int nextBdSeq() {
        return nextBdSeq;
    }

    public boolean isConnected() {
        return connected;
    }

    /** Alias ↔ name of every metric, e.g. to resolve the aliases in a DCMD. */
    public MetricCatalog catalog() {
        return catalog;
    }

    /** Starts a connection attempt: takes the next bdSeq and returns the NDEATH to register as the will. */
    public SparkplugMessage connecting(long now) {
        connected = false;
        bdSeq = nextBdSeq;
        nextBdSeq = (bdSeq + 1) % 256;
        return deathCertificate(now);
    }

    /** The NDEATH of the current connection (the will, or published before a clean disconnect). */
    public SparkplugMessage deathCertificate(long now) {
        requireState(bdSeq >= 0, "no connection attempt yet: call connecting() first");
        SparkplugBPayload payload = new SparkplugBPayload(new Date(now), new ArrayList<>());
        payload.addMetric(catalog.nodeMetric(BD_SEQ, null, (long) bdSeq, true, now));
        return new SparkplugMessage(MessageType.NDEATH, topics.node(MessageType.NDEATH), payload);
    }

    /** The broker accepted the connection: NBIRTH (seq 0) then a DBIRTH per online device. */
    public List<SparkplugMessage> connected(Map<String, Object> nodeStatus, long now) {
        requireState(bdSeq >= 0, "connected() without connecting(): the will would not match the NBIRTH");
        status.replace(nodeStatus);
        connected = true;
        return births(now);
    }

    public void disconnected() {
        connected = false;
    }

    /** Answer to NCMD Node Control/Rebirth: the same bdSeq, seq back to 0, every birth again. */
    public List<SparkplugMessage> rebirth(long now) {
        requireState(connected, "rebirth while disconnected: the next connection births anyway");
        return births(now);
    }

    /** True when an NCMD payload sets Node Control/Rebirth (by name or alias) to true. */
    public boolean isRebirthRequest(SparkplugBPayload ncmd) {
        long alias = catalog.nodeAlias(REBIRTH);
        for (Metric m : ncmd.getMetrics()) {
            boolean named = REBIRTH.equals(m.getName()) || (m.hasAlias() && m.getAlias() == alias);
            if (named && Boolean.TRUE.equals(m.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** New process-image values: DBIRTH for new devices or points, else DDATA of what changed. */
    public List<SparkplugMessage> update(Collection<PointValue> points, long now) {
        for (PointValue p : points) {
            device(p.device()).update(p);
        }
        boolean refresh = connected && fullRefreshMillis > 0 && now - lastFullRefresh >= fullRefreshMillis;
        return emit(refresh, now);
    }

    /** Every metric of every born device again, e.g. on the caller's own refresh timer. */
    public List<SparkplugMessage> fullRefresh(long now) {
        return emit(connected, now);
    }

    /**
     * New gateway status values for the node metrics. A changed set of names needs a new NBIRTH,
     * so it triggers a rebirth; otherwise NDATA with the changed values. Not queued while
     * disconnected: the NBIRTH after reconnecting carries the latest status.
     */
    public List<SparkplugMessage> nodeStatus(Map<String, Object> nodeStatus, long now) {
        if (status.reshapes(nodeStatus)) {
            status.replace(nodeStatus);
            return connected ? births(now) : List.of();
        }
        SparkplugBPayload payload = new SparkplugBPayload(new Date(now), new ArrayList<>());
        status.changes(nodeStatus).forEach((name, value) ->
                payload.addMetric(catalog.nodeMetric(name, catalog.nodeAlias(name), value, true, now)));
        if (!connected || payload.getMetrics().isEmpty()) {
            return List.of();
        }
        return List.of(stamped(MessageType.NDATA, topics.node(MessageType.NDATA), payload));
    }

    /** The device stopped answering: DDEATH, and no DDATA for it until {@link #deviceOnline}. */
    public List<SparkplugMessage> deviceOffline(String device, long now) {
        DeviceState d = device(device);
        boolean wasBorn = d.born && d.online;
        d.online = false;
        d.born = false;
        if (!connected || !wasBorn) {
            return List.of();
        }
        SparkplugBPayload payload = new SparkplugBPayload(new Date(now), new ArrayList<>());
        return List.of(stamped(MessageType.DDEATH, topics.device(MessageType.DDEATH, device), payload));
    }

    /** The device answers again: DBIRTH with its latest values. */
    public List<SparkplugMessage> deviceOnline(String device, long now) {
        device(device).online = true;
        return emit(false, now);
    }

    private List<SparkplugMessage> births(long now) {
        seq = 0;
        lastFullRefresh = now;
        SparkplugBPayload nbirth = new SparkplugBPayload(new Date(now), new ArrayList<>());
        nbirth.addMetric(catalog.nodeMetric(BD_SEQ, null, (long) bdSeq, true, now));
        nbirth.addMetric(catalog.nodeMetric(REBIRTH, catalog.nodeAlias(REBIRTH), false, true, now));
        status.values().forEach((name, value) -> nbirth.addMetric(catalog.nodeMetric(name, catalog.nodeAlias(name), value, true, now)));
        List<SparkplugMessage> out = new ArrayList<>();
        out.add(stamped(MessageType.NBIRTH, topics.node(MessageType.NBIRTH), nbirth));
        devices.values().forEach(d -> d.born = false);
        out.addAll(emit(false, now));
        return out;
    }

    private List<SparkplugMessage> emit(boolean refresh, long now) {
        if (refresh) {
            lastFullRefresh = now;
        }
        List<SparkplugMessage> out = new ArrayList<>();
        for (DeviceState d : devices.values()) {
            if (!d.online || !d.hasPoints()) {
                continue;
            }
            if (connected && d.needsBirth()) {
                out.add(dbirth(d, now));
            } else {
                List<PointValue> changed = refresh ? d.all() : d.changes(deadband);
                if (!changed.isEmpty()) {
                    out.add(ddata(d, changed, now));
                }
            }
        }
        return out;
    }

    private SparkplugMessage dbirth(DeviceState d, long now) {
        SparkplugBPayload payload = new SparkplugBPayload(new Date(now), new ArrayList<>());
        for (PointValue p : d.birth()) {
            payload.addMetric(catalog.birthMetric(p, d.typeOf(p), now));
        }
        return stamped(MessageType.DBIRTH, topics.device(MessageType.DBIRTH, d.id), payload);
    }

    private SparkplugMessage ddata(DeviceState d, List<PointValue> points, long now) {
        SparkplugBPayload payload = new SparkplugBPayload(new Date(now), new ArrayList<>());
        for (PointValue p : points) {
            payload.addMetric(catalog.dataMetric(p, d.typeOf(p), true, now));
        }
        return stamped(MessageType.DDATA, topics.device(MessageType.DDATA, d.id), payload);
    }

    private SparkplugMessage stamped(MessageType type, String topic, SparkplugBPayload payload) {
        payload.setSeq(nextSeq());
        return new SparkplugMessage(type, topic, payload);
    }

    private long nextSeq() {
        long s = seq;
        seq = (seq + 1) % 256;
        return s;
    }

    // Validates the id as a topic token once, when the device is first seen.
    private DeviceState device(String id) {
        return devices.computeIfAbsent(id, k -> {
            topics.device(MessageType.DDATA, k);
            return new DeviceState(k);
        });
    }

    private static void requireState(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
