package io.containeredge.e2e.site;

import io.containeredge.cloud.remote.LeaseReader;
import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.control.site.LeaseBook;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteLeaseSettings;
import io.containeredge.site.api.SiteReport;
import io.containeredge.site.api.SiteTopics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A lightweight container of the scale rig: what a gateway does for site coordination, without the gateway. It takes
 * leases with the gateway's own {@link LeaseReader} (envelope, signature, key scope site.lease, target) and {@link
 * LeaseBook} (epoch and seq rules, expiry, fallback, settling), moves a {@link SimulatedLoad} under the book's import
 * limit, and publishes its {@link SiteReport} every reportEvery while connected, QoS 0, as the gateway's cloud bundle
 * does. What it does not have: Modbus, real miners, the control loop's other limit sources (its hard limit is a
 * constant), the meter's noise and lag; a real gateway sheds within one control cycle, this one within one tick.
 */
final class ContainerAgent implements MqttCallbackExtended, AutoCloseable {

    private final String site;
    private final String id;
    private final LeaseReader reader;
    private final LeaseBook book;
    private final SimulatedLoad load;
    private final SiteLeaseSettings settings;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final ImportRecord record = new ImportRecord();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean linkCut;
    private long lastTickMillis;
    private long nextReportMillis;

    ContainerAgent(String site, String id, String brokerUri, LeaseReader reader, SiteLeaseSettings settings,
            SimulatedLoad load) throws MqttException {
        this.site = site;
        this.id = id;
        this.reader = reader;
        this.settings = settings;
        this.book = new LeaseBook(site, id, settings, null);
        this.load = load;
        this.client = new MqttAsyncClient(brokerUri, "agent-" + id, new MemoryPersistence());
        client.setCallback(this);
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1000);
        options.setKeepAliveInterval(10);
        options.setConnectionTimeout(5);
    }

    String id() {
        return id;
    }

    ImportRecord record() {
        return record;
    }

    int refused() {
        return refused.get();
    }

    void connect() throws MqttException {
        client.connect(options).waitForCompletion(10_000);
    }

    /** Its network link cut: no lease reaches it and it reports nothing, until {@link #restoreLink}. */
    void cutLink() throws MqttException {
        linkCut = true;
        client.disconnectForcibly(0, 1000);
    }

    void restoreLink() throws MqttException {
        linkCut = false;
        connect();
    }

    boolean connected() {
        return client.isConnected();
    }

    /** One step of its load under the lease's limit, its sample, and its report when one is due. */
    synchronized void tick(long nowMillis) {
        double seconds = lastTickMillis == 0 ? 0 : (nowMillis - lastTickMillis) / 1000.0;
        lastTickMillis = nowMillis;
        load.follow(book.importLimitKw(nowMillis), seconds);
        SiteLeaseStatus status = book.status(nowMillis, true);
        record.sample(nowMillis, load.importKw(), load.committedKw(), status.budgetKw(), status.epoch(),
                status.state());
        if (nowMillis >= nextReportMillis) {
            nextReportMillis = nowMillis + settings.reportEvery().toMillis();
            report(nowMillis);
        }
    }

    String state(long nowMillis) {
        return book.state(nowMillis);
    }

    SiteLeaseStatus status(long nowMillis) {
        return book.status(nowMillis, true);
    }

    private void report(long nowMillis) {
        if (linkCut || !client.isConnected()) {
            return; // a report is a snapshot: an old one is worthless, none is queued
        }
        SiteReport report = new SiteReport(site, id, nowMillis, load.importKw(), load.committedKw(),
                load.hardImportKw(), load.otherKw(),
                load.firmKw(), load.offers(), settings.fallbackShareKw(), book.reportState(nowMillis), null);
        try {
            client.publish(SiteTopics.report(site, id), report.toJson().getBytes(StandardCharsets.UTF_8), 0, false);
        } catch (MqttException e) {
            // lost between the check and the publish: the next report goes when it is back
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client.subscribe(SiteTopics.lease(site, id), 1);
        } catch (MqttException e) {
            // the connection went again: the next connectComplete subscribes
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        try {
            SiteLease lease = reader.read(site, id, message.getPayload());
            book.accept(lease, "mqtt", System.currentTimeMillis());
        } catch (Exception refusal) {
            refused.incrementAndGet(); // the gateway logs and audits it; the tests count them
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        // automatic reconnect; leases keep their term meanwhile
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // reports are QoS 0
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnectForcibly(0, 100); // nothing to flush: reports are QoS 0
        }
        client.close(true);
    }
}
