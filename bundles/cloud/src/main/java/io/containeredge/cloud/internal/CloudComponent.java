package io.containeredge.cloud.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.cloud.mqtt.ConnectionHooks;
import io.containeredge.cloud.mqtt.MqttSettings;
import io.containeredge.cloud.mqtt.QueuePublisher;
import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import io.containeredge.cloud.sparkplug.EdgeNodeSession;
import io.containeredge.cloud.sparkplug.MessageType;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import io.containeredge.cloud.sparkplug.SparkplugMessage;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import io.containeredge.control.ControlService;
import io.containeredge.control.ControlStatus;
import io.containeredge.control.alarm.Alarm;
import io.containeredge.gateway.api.ProcessImageService;
import io.containeredge.gateway.api.SiteService;
import io.containeredge.modbus.poll.DeviceDiagnostics;
import io.containeredge.modbus.site.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway as a Sparkplug B edge node: group = site id, edge node = container id, one Sparkplug
 * device per Modbus device. Runs only when configuration {@value #PID} exists (the launcher writes it
 * for {@code --mqtt}); without it the gateway publishes nothing.
 *
 * <p>Every second it takes one process-image snapshot and appends what the {@link EdgeNodeSession}
 * makes of it (DBIRTH as {@link MessageKind#BIRTH}, DDATA as {@link MessageKind#TELEMETRY}, NDATA
 * of the node status) to the persistent {@link OutboundQueue}; the {@link QueuePublisher} drains it.
 * Per connection (see {@link ConnectionHooks}): the NDEATH with that connection's bdSeq is the will,
 * the next bdSeq is fsynced to {@code <data_dir>/sparkplug-bdseq} first; NBIRTH and DBIRTHs go out
 * before the backlog; every queued Sparkplug message gets the next {@code seq} of the current
 * connection as it is published, so a backlog built during an outage (DDATA flagged historical)
 * fits the sequence the host checks; births queued before the current connection are superseded
 * and dropped.
 *
 * On a clean stop the NDEATH is published before the MQTT DISCONNECT.
 *
 * <p>Node metrics: {@code Control/Binding}, {@code Control/Max Miner kW}, {@code Alarms/Active}.
 * Alarm raise/clear are published as JSON on {@code containeredge/<site>/<container>/alarm}
 * (kind {@link MessageKind#ALARM}, never thinned). NCMD {@code Node Control/Rebirth} is honoured;
 * other commands are logged and ignored.
 */
@Component(configurationPid = CloudComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = CloudConfiguration.class)
public class CloudComponent implements ConnectionHooks {

    public static final String PID = "io.containeredge.cloud";
    static final String BD_SEQ_FILE = "sparkplug-bdseq";
    private static final Logger LOG = LoggerFactory.getLogger(CloudComponent.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessImageService image;
    private final SparkplugTopics topics;
    private final String alarmTopic;
    private final BdSeqFile bdSeqFile;
    private final EdgeNodeSession session;
    private final OutboundQueue queue;
    private final QueuePublisher publisher;
    private final ScheduledExecutorService timer;
    private final Map<String, Boolean> online = new HashMap<>();
    private Map<String, Alarm> activeAlarms = Map.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ControlService control;

    private final SparkplugStamper stamper = new SparkplugStamper();

    @Activate
    public CloudComponent(CloudConfiguration config, @Reference SiteService site, @Reference ProcessImageService image)
            throws IOException {
        this.image = image;
        SiteConfig s = site.site().config();
        this.topics = SparkplugTopics.of(s);
        this.alarmTopic = "containeredge/" + topics.group() + "/" + topics.edgeNode() + "/alarm";
        Path data = Path.of(config.data_dir()).toAbsolutePath();
        Files.createDirectories(data);
        this.bdSeqFile = new BdSeqFile(data.resolve(BD_SEQ_FILE));
        double deadband = config.deadband();
        this.session = new EdgeNodeSession(topics, bdSeqFile.read(), (device, point) -> deadband,
                TimeUnit.SECONDS.toMillis(config.full_refresh_s()));
        loadSqliteDriver();
        this.queue = OutboundQueue.open(data.resolve("outbound.db"), (long) config.queue_capacity_mb() << 20);
        String clientId = blank(config.client_id()) ? s.container() : config.client_id();
        List<String> uris = Arrays.stream(config.server_uris() == null ? new String[0] : config.server_uris())
                .flatMap(u -> Arrays.stream(u.split(","))).map(String::trim).filter(u -> !u.isEmpty()).toList();
        MqttSettings settings = MqttSettings.of(uris, clientId).withDrainRate(config.drain_rate())
                .withCredentials(blank(config.username()) ? null : config.username(),
                        blank(config.password()) ? null : config.password());
        try {
            this.publisher = new QueuePublisher(queue, settings, this);
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloud-sparkplug");
            t.setDaemon(true);
            return t;
        });
        publisher.start();
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        LOG.info("cloud: Sparkplug B edge node {}/{} to {}; queue {} ({} messages waiting)", topics.group(),
                topics.edgeNode(), settings, data.resolve("outbound.db"), queue.size());
    }

    /**
     * JDBC drivers are found through the caller's class loader; in OSGi that is this bundle's, which
     * sees sqlite-jdbc only through the import this reference creates.
     */
    private static void loadSqliteDriver() {
        try {
            Class.forName(org.sqlite.JDBC.class.getName(), true, CloudComponent.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("sqlite-jdbc is not available: " + e.getMessage(), e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One second's worth: node status, device online changes, process-image changes, alarms. */
    void tick() {
        try {
            long now = System.currentTimeMillis();
            List<DeviceDiagnostics> diagnostics = image.devices();
            var snapshot = image.snapshot();
            synchronized (session) {
                List<SparkplugMessage> out = new ArrayList<>(session.nodeStatus(nodeStatus(), now));
                for (DeviceDiagnostics d : diagnostics) {
                    Boolean was = online.put(d.device(), d.online());
                    if (was != null && was != d.online()) {
                        out.addAll(d.online() ? session.deviceOnline(d.device(), now)
                                : session.deviceOffline(d.device(), now));
                    }
                }
                out.addAll(session.update(snapshot.values(), now));
                enqueue(out, now);
            }
            publishAlarms(now);
        } catch (RuntimeException e) {
            LOG.error("cloud: cycle failed: {}", e.toString(), e);
        }
    }

    private Map<String, Object> nodeStatus() {
        ControlService c = control;
        ControlStatus st = c == null ? null : c.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Control/Binding", st == null || st.binding() == null ? "" : st.binding());
        m.put("Control/Max Miner kW", st == null ? Double.NaN : st.maxMinerKw());
        m.put("Alarms/Active", c == null ? 0L : (long) c.activeAlarms().size());
        return m;
    }

    private void enqueue(List<SparkplugMessage> messages, long now) {
        for (SparkplugMessage m : messages) {
            publisher.publishNow(new OutboundMessage(m.topic(), m.encode(), 1, kindOf(m.type()), now));
        }
    }

    private static MessageKind kindOf(MessageType type) {
        return type == MessageType.NBIRTH || type == MessageType.DBIRTH ? MessageKind.BIRTH : MessageKind.TELEMETRY;
    }

    /** Raised and cleared since the last cycle, as JSON records on the alarm topic. */
    private void publishAlarms(long now) {
        ControlService c = control;
        if (c == null) {
            return;
        }
        Map<String, Alarm> current = new LinkedHashMap<>();
        for (Alarm a : c.activeAlarms()) {
            current.put(a.id() + "@" + a.raisedMillis(), a);
        }
        Set<String> gone = new HashSet<>(activeAlarms.keySet());
        gone.removeAll(current.keySet());
        for (String key : gone) {
            publishAlarm("cleared", activeAlarms.get(key), now);
        }
        current.forEach((key, a) -> {
            if (!activeAlarms.containsKey(key)) {
                publishAlarm("raised", a, now);
            }
        });
        activeAlarms = current;
    }

    private void publishAlarm(String event, Alarm a, long now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", event);
        json.put("id", a.id());
        json.put("severity", a.severity().name());
        json.put("source", a.source());
        json.put("message", a.message());
        json.put("reading", Double.isNaN(a.reading()) ? null : a.reading());
        json.put("raised", a.raisedMillis());
        json.put("cleared", "cleared".equals(event) ? now : null);
        json.put("timestamp", now);
        try {
            publisher.publishNow(new OutboundMessage(alarmTopic, JSON.writeValueAsBytes(json), 1, MessageKind.ALARM, now));
        } catch (IOException e) {
            LOG.error("cloud: alarm {} not encoded: {}", a.id(), e.getMessage());
        }
    }

    // ---- ConnectionHooks, on the publisher's thread ----

    @Override
    public MqttSettings.Will willForNextConnect() {
        long now = System.currentTimeMillis();
        synchronized (session) {
            SparkplugMessage death = session.connecting(now);
            bdSeqFile.write(session.nextBdSeq()); // before connecting: a restart never reuses this bdSeq
            return new MqttSettings.Will(death.topic(), death.encode(), 1, false);
        }
    }

    @Override
    public List<String> subscriptions() {
        return List.of(topics.node(MessageType.NCMD));
    }

    @Override
    public List<OutboundMessage> onConnected() {
        long now = System.currentTimeMillis();
        List<SparkplugMessage> births;
        synchronized (session) {
            births = session.connected(nodeStatus(), now);
        }
        stamper.born(now, births.size());
        LOG.info("cloud: NBIRTH bdSeq {} with {} DBIRTH(s)", session.bdSeq(), births.size() - 1);
        return births.stream().map(m -> new OutboundMessage(m.topic(), m.encode(), 1, MessageKind.BIRTH, now)).toList();
    }

    @Override
    public OutboundMessage beforePublish(OutboundMessage m) {
        return stamper.stamp(m);
    }

    @Override
    public List<OutboundMessage> beforeDisconnect() {
        long now = System.currentTimeMillis();
        synchronized (session) {
            if (!session.isConnected()) {
                return List.of();
            }
            SparkplugMessage death = session.deathCertificate(now);
            session.disconnected();
            return List.of(new OutboundMessage(death.topic(), death.encode(), 1, MessageKind.BIRTH, now));
        }
    }

    @Override
    public void messageArrived(String topic, byte[] payload) {
        SparkplugTopics.Command command;
        SparkplugBPayload body;
        try {
            command = topics.parseCommand(topic);
            body = SparkplugCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            LOG.warn("cloud: ignored message on {}: {}", topic, e.getMessage());
            return;
        }
        long now = System.currentTimeMillis();
        synchronized (session) {
            if (command.type() == MessageType.NCMD && session.isRebirthRequest(body)) {
                if (session.isConnected()) {
                    LOG.info("cloud: rebirth requested");
                    enqueue(session.rebirth(now), now);
                }
                return;
            }
        }
        LOG.info("cloud: {} on {} ignored (only Node Control/Rebirth is supported so far)", command.type(), topic);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            publisher.close();
        } finally {
            queue.close();
        }
    }
}
