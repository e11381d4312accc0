package io.containeredge.e2e.site;

import io.containeredge.site.api.SiteReport;
import io.containeredge.site.api.SiteTopics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The full gateways' import as the rig sees it: from their site reports (every 500 ms in the rig), into one {@link ImportRecord}
 * each, so that the fault tests sum them with the agents' second by second. A second without a report (a broker outage) carries
 * the last one forward (see {@link SiteImport}).
 */
final class GatewayReports implements MqttCallbackExtended, AutoCloseable {

    private final String site;
    private final Map<String, ImportRecord> records = new HashMap<>();
    private final MqttAsyncClient client;

    GatewayReports(String site, List<String> gateways, String brokerUri) throws MqttException {
        this.site = site;
        gateways.forEach(id -> records.put(id, new ImportRecord()));
        this.client = new MqttAsyncClient(brokerUri, "rig-gateway-reports", new MemoryPersistence());
        client.setCallback(this);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1000);
        client.connect(options).waitForCompletion(10_000);
    }

    ImportRecord record(String id) {
        return records.get(id);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client.subscribe(SiteTopics.reports(site), 0);
        } catch (MqttException e) {
            // connection gone again: the next connectComplete subscribes
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        SiteReport report = SiteReport.fromJson(new String(message.getPayload(), StandardCharsets.UTF_8));
        ImportRecord record = records.get(report.container());
        if (record == null || Double.isNaN(report.importKw())) {
            return; // an agent's (it keeps its own record, finer than its reports), or a meter not read well
        }
        SiteReport.LeaseState lease = report.lease();
        record.sample(System.currentTimeMillis(), report.importKw(), report.committedKw(),
                lease == null ? Double.NaN : lease.budgetKw(), lease == null ? 0 : lease.epoch(),
                lease == null ? "NONE" : lease.state());
    }

    @Override
    public void connectionLost(Throwable cause) {
        // automatic reconnect
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // subscribes only
    }

    @Override
    public void close() throws MqttException {
        client.disconnectForcibly(0, 1000);
        client.close(true);
    }
}
