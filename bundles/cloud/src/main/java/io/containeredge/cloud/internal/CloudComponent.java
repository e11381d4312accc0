package io.containeredge.cloud.internal;

import io.containeredge.cloud.api.CloudLink;
import io.containeredge.cloud.mqtt.ConnectionHooks;
import io.containeredge.cloud.mqtt.MqttSettings;
import io.containeredge.cloud.mqtt.QueuePublisher;
import io.containeredge.cloud.queue.MessageKind;
import io.containeredge.cloud.queue.OutboundMessage;
import io.containeredge.cloud.queue.OutboundQueue;
import io.containeredge.cloud.remote.LeaseIntake;
import io.containeredge.cloud.remote.RemoteRequests;
import io.containeredge.cloud.remote.RequestKeys;
import io.containeredge.cloud.remote.RequestLedger;
import io.containeredge.cloud.sparkplug.EdgeNodeSession;
import io.containeredge.cloud.sparkplug.MessageType;
import io.containeredge.cloud.sparkplug.PrimaryHost;
import io.containeredge.cloud.sparkplug.SparkplugCodec;
import io.containeredge.cloud.sparkplug.SparkplugMessage;
import io.containeredge.cloud.sparkplug.SparkplugTopics;
import io.containeredge.control.api.ControlService;
import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.gateway.api.ProcessImageService;
import io.containeredge.gateway.api.SiteConfigurations;
import io.containeredge.gateway.api.SiteService;
import io.containeredge.modbus.poll.DeviceDiagnostics;
import io.containeredge.site.api.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
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
 * device per Modbus device and one per AI/HPC tenant ({@link AiDevices}). Runs only when configuration
 * {@value #PID} exists (the launcher writes it for {@code --mqtt} or {@code --cloud}); without it the gateway
 * publishes nothing.
 *
 * <p>Every second it takes one process-image snapshot and appends what the {@link EdgeNodeSession}
 * makes of it (DDATA, DDEATH/DBIRTH on device state changes, NDATA of the node status) to the
 * persistent {@link OutboundQueue}, together with the controller's alarm, guard-decision and plan records
 * ({@link ControlFeeds}) and the audit records ({@link AuditFeed}); the {@link QueuePublisher} drains it.
 * Per connection (see {@link ConnectionHooks}): the NDEATH with that connection's bdSeq is the will,
 * the next bdSeq is fsynced to {@code <data_dir>/sparkplug-bdseq} first; NBIRTH and DBIRTHs go out
 * before anything queued; the {@link SparkplugStamper} fits each queued message into the current
 * connection (seq, historical flag, superseded births). On a clean stop the NDEATH is published
 * before the MQTT DISCONNECT.
 *
 * <p>With a primary host configured ({@code primary.host.id}), nothing is published on a connection until
 * the host's Sparkplug 3.0 STATE says online, and the connection is left (NDEATH, disconnect) when it
 * says offline: the queue keeps everything meanwhile ({@link ConnectionHooks#mayPublish()}).
 *
 * <p>Node metrics: {@link NodeMetrics}. NCMD {@code Node Control/Rebirth} is honoured; signed commands,
 * configuration requests and DCMD writes go to {@link RemoteRequests}, which answers each on the reply topic.
 */
@Component(configurationPid = CloudComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = CloudLink.class)
@Designate(ocd = CloudConfiguration.class)
public class CloudComponent implements ConnectionHooks, CloudLink {

    public static final String PID = "io.containeredge.cloud";
    static final String BD_SEQ_FILE = "sparkplug-bdseq";
    static final String AUDIT_CURSOR_FILE = "cloud-audit-cursor";
    /** The grid-event records already queued (performance, opt-outs), so a restart does not send them again. */
    static final String GRID_RECORDS_FILE = "cloud-grid-records";
    private static final Logger LOG = LoggerFactory.getLogger(CloudComponent.class);

    private final ProcessImageService image;
    private final AuditTrail audit;
    private final SiteConfigurations configurations;
    private final SparkplugTopics topics;
    private final BdSeqFile bdSeqFile;
    private final EdgeNodeSession session;
    private final OutboundQueue queue;
    private final QueuePublisher publisher;
    private final ScheduledExecutorService timer;
    private final Map<String, Boolean> online = new HashMap<>();
    private final AiDevices aiDevices = new AiDevices();
    private final ControlFeeds controlFeeds;
    private final AuditFeed auditFeed;
    private final RequestLedger ledger;
    private final ExecutorService remoteWorker;
    private final RemoteRequests remote;
    private final SiteLink siteLink;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ControlService control;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeviceWriter writer;

    private final SparkplugStamper stamper;
    private final RecordQueue records;
    /** The Sparkplug primary host whose STATE gates publishing, or null when none is configured. */
    private final PrimaryHost primaryHost;
    private final int sparkplugQos;

    @Activate
    public CloudComponent(CloudConfiguration config, @Reference SiteService site, @Reference ProcessImageService image,
            @Reference AuditTrail audit, @Reference SiteConfigurations configurations) throws IOException {
        this.image = image;
        this.audit = audit;
        this.configurations = configurations;
        SiteConfig s = site.site().config();
        this.topics = SparkplugTopics.of(s);
        Path data = Path.of(config.data_dir()).toAbsolutePath();
        Files.createDirectories(data);
        this.bdSeqFile = new BdSeqFile(data.resolve(BD_SEQ_FILE));
        double deadband = config.deadband();
        this.session = new EdgeNodeSession(topics, bdSeqFile.read(), (device, point) -> deadband,
                TimeUnit.SECONDS.toMillis(config.full_refresh_s()));
        // what the configuration can get wrong fails here, before any file is opened
        MqttSettings settings = CloudSettings.mqtt(config, s.container());
        RequestKeys keys = RequestKeys.parse(config.command_keys());
        this.primaryHost = CloudSettings.blank(config.primary_host_id()) ? null : new PrimaryHost(config.primary_host_id().trim());
        this.sparkplugQos = sparkplugQos(config.sparkplug_qos());
        this.stamper = new SparkplugStamper((device, name) -> {
            synchronized (session) {
                return session.catalog().existingAlias(device, name);
            }
        });
        this.controlFeeds = new ControlFeeds(s.site(), s.container(),
                TimeUnit.SECONDS.toMillis(config.decision_summary_s()), data.resolve(GRID_RECORDS_FILE));
        this.auditFeed = new AuditFeed(JsonRecord.topic(s.site(), s.container(), "audit"),
                data.resolve(AUDIT_CURSOR_FILE));
        loadSqliteDriver();
        this.queue = OutboundQueue.open(data.resolve("outbound.db"), (long) config.queue_capacity_mb() << 20);
        try {
            this.ledger = RequestLedger.open(data.resolve("requests.db"));
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
        try {
            this.publisher = new QueuePublisher(queue, settings, this);
        } catch (RuntimeException e) {
            ledger.close();
            queue.close();
            throw e;
        }
        this.records = new RecordQueue(publisher::publishNow);
        this.remoteWorker = RemoteRequests.worker();
        this.remote = new RemoteRequests(topics, keys, ledger,
                new RemoteRequests.Services(() -> control, () -> writer, () -> configurations, () -> audit,
                        this::rebirth),
                (device, alias) -> {
                    synchronized (session) {
                        return session.catalog().nameOf(device, alias);
                    }
                },
                System::currentTimeMillis,
                reply -> publisher.publishNow(new OutboundMessage(reply.topic(), reply.payload(), 1, MessageKind.AUDIT,
                        System.currentTimeMillis())),
                remoteWorker);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloud-sparkplug");
            t.setDaemon(true);
            return t;
        });
        this.siteLink = SiteLink.forSite(s, () -> new LeaseIntake(s.site(), s.container(), keys, () -> control,
                () -> audit, System::currentTimeMillis));
        publisher.start();
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        siteLink.startReports(timer, () -> control, publisher);
        LOG.info("cloud: Sparkplug B edge node {}/{} to {}; queue {} ({} messages waiting); {}; births and data"
                + " at QoS {}", topics.group(), topics.edgeNode(), settings, data.resolve("outbound.db"), queue.size(),
                primaryHost == null ? "no primary host" : "primary host " + primaryHost.id(), sparkplugQos);
    }

    private static int sparkplugQos(int qos) {
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("sparkplug.qos must be 0 or 1, was " + qos);
        }
        return qos;
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

    /** One second's worth: node status, device online changes, process-image changes, alarms. */
    void tick() {
        try {
            long now = System.currentTimeMillis();
            List<DeviceDiagnostics> diagnostics = image.devices();
            var snapshot = image.snapshot();
            synchronized (session) {
                // under the lock: data made after a connection's births is never stamped older (it would pass as history)
                long at = System.currentTimeMillis();
                List<SparkplugMessage> out = new ArrayList<>(session.nodeStatus(nodeStatus(), at));
                for (DeviceDiagnostics d : diagnostics) {
                    Boolean was = online.put(d.device(), d.online());
                    if (was != null && was != d.online()) {
                        out.addAll(d.online() ? session.deviceOnline(d.device(), at)
                                : session.deviceOffline(d.device(), at));
                    }
                }
                out.addAll(session.update(snapshot.values(), at));
                out.addAll(aiDevices.update(session, control, at));
                enqueue(out, at);
            }
            controlFeeds.forward(control, records, now);
            auditFeed.forward(audit, publisher::publishNow, now);
        } catch (RuntimeException e) {
            LOG.error("cloud: cycle failed: {}", e.toString(), e);
        }
    }

    private Map<String, Object> nodeStatus() {
        return NodeMetrics.of(control, queue, configurations);
    }

    private void enqueue(List<SparkplugMessage> messages, long now) {
        for (SparkplugMessage m : messages) {
            publisher.publishNow(new OutboundMessage(m.topic(), m.encode(), 1, kindOf(m.type()), now));
        }
    }

    /**
     * Births and deaths are certificates (kind {@link MessageKind#BIRTH}): never thinned, because a host that
     * missed a DDEATH shows a dead device's last values as current; a certificate made before the births of
     * the connection it is finally sent on is superseded by them and skipped (see {@link SparkplugStamper}).
     */
    static MessageKind kindOf(MessageType type) {
        return switch (type) {
            case NBIRTH, DBIRTH, NDEATH, DDEATH -> MessageKind.BIRTH;
            default -> MessageKind.TELEMETRY;
        };
    }

    @Override
    public Status status() {
        return new Status(publisher.connected(), publisher.currentServer(), queue.size(), queue.thinnedCount(),
                publisher.published());
    }

    // ---- ConnectionHooks, on the publisher's thread ----

    @Override
    public MqttSettings.Will willForNextConnect() {
        long now = System.currentTimeMillis();
        if (primaryHost != null) {
            primaryHost.connecting(); // offline until this connection's retained STATE says otherwise
        }
        synchronized (session) {
            SparkplugMessage death = session.connecting(now);
            bdSeqFile.write(session.nextBdSeq()); // before connecting: a restart never reuses this bdSeq
            return new MqttSettings.Will(death.topic(), death.encode(), 1, false);
        }
    }

    @Override
    public List<String> subscriptions() {
        List<String> filters = new ArrayList<>(remote.topicsToSubscribe());
        filters.add(topics.node(MessageType.NCMD));
        filters.addAll(siteLink.subscriptions());
        if (primaryHost != null) {
            filters.add(primaryHost.topic());
        }
        return filters;
    }

    @Override
    public boolean mayPublish() {
        return primaryHost == null || primaryHost.online();
    }

    @Override
    public int wireQos(OutboundMessage m) {
        return wireQos(m, sparkplugQos);
    }

    /**
     * Births and data at {@code sparkplug.qos}; the NDEATH (the will's twin, QoS 1 in Sparkplug too) and the JSON
     * records always at their queued QoS 1.
     */
    static int wireQos(OutboundMessage m, int sparkplugQos) {
        String[] t = m.topic().split("/");
        boolean sparkplug = t.length >= 4 && SparkplugTopics.NAMESPACE.equals(t[0]);
        return sparkplug && !MessageType.NDEATH.name().equals(t[2]) ? Math.min(sparkplugQos, m.qos()) : m.qos();
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
        return stamper.stamp(m, System.currentTimeMillis());
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
        if (primaryHost != null && primaryHost.topic().equals(topic)) {
            primaryHost.receive(payload);
            return;
        }
        if (siteLink.handled(topic, payload)) {
            return;
        }
        if (remote.handles(topic)) {
            remote.handle(topic, payload); // never blocks: answered from the remote worker
            return;
        }
        SparkplugBPayload body;
        try {
            topics.parseCommand(topic);
            body = SparkplugCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            LOG.warn("cloud: ignored message on {}: {}", topic, e.getMessage());
            return;
        }
        synchronized (session) {
            if (session.isRebirthRequest(body)) {
                rebirth();
                return;
            }
        }
        LOG.info("cloud: NCMD on {} ignored: only Node Control/Rebirth is a node command", topic);
    }

    /** New NBIRTH and DBIRTHs, queued ahead of nothing: the stamper restarts the sequence at them. */
    private void rebirth() {
        long now = System.currentTimeMillis();
        synchronized (session) {
            if (session.isConnected()) {
                LOG.info("cloud: rebirth requested");
                enqueue(session.rebirth(now), now);
            }
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        remoteWorker.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            remoteWorker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            publisher.close();
        } finally {
            ledger.close();
            queue.close();
        }
    }
}
