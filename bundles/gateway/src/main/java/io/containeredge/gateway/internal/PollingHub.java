package io.containeredge.gateway.internal;

import io.containeredge.gateway.api.DeviceEvents;
import io.containeredge.gateway.api.DeviceWriter;
import io.containeredge.gateway.api.ProcessImageService;
import io.containeredge.gateway.api.SiteService;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.poll.DeviceDiagnostics;
import io.containeredge.modbus.poll.DeviceListener;
import io.containeredge.modbus.poll.PointResolvers;
import io.containeredge.modbus.poll.PollingService;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.modbus.value.PointValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the process image and the pollers that fill it. Devices join and leave through
 * {@link DeviceComponent}; online/offline changes are posted to EventAdmin.
 */
@Component(service = {PollingHub.class, ProcessImageService.class, DeviceWriter.class}, immediate = true)
public class PollingHub implements ProcessImageService, DeviceWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PollingHub.class);

    private final ProcessImage image = new ProcessImage();
    private final PollingService polling;
    private final List<Consumer<String>> freshValueListeners = new CopyOnWriteArrayList<>();

    @Activate
    public PollingHub(@Reference EventAdmin events, @Reference SiteService site) {
        SunSpecModels models = new SunSpecModels(site.site().source());
        this.polling = new PollingService(image, new DeviceListener() {
            @Override
            public void values(List<PointValue> values) {
                // the polling service has already put them into the image: a reader sees them now
                values.stream().map(PointValue::device).distinct().forEach(PollingHub.this::freshValues);
            }

            @Override
            public void onlineChanged(String device, boolean online, String reason) {
                LOG.info("device {} {}: {}", device, online ? "online" : "OFFLINE", reason);
                events.postEvent(new Event(online ? DeviceEvents.ONLINE : DeviceEvents.OFFLINE,
                        Map.of("device", device, "reason", reason, "timestamp", System.currentTimeMillis())));
            }
        }, profile -> PointResolvers.forProfile(profile, models));
    }

    void add(DeviceConfig device, DeviceProfile profile, ConnectionConfig connection) {
        polling.addDevice(device, profile, connection);
    }

    void remove(String deviceId) {
        polling.removeDevice(deviceId);
    }

    @Override
    public Snapshot snapshot() {
        return image.snapshot(System.currentTimeMillis());
    }

    @Override
    public List<DeviceDiagnostics> devices() {
        return polling.diagnostics();
    }

    @Override
    public AutoCloseable onFreshValues(Consumer<String> listener) {
        freshValueListeners.add(listener);
        return () -> freshValueListeners.remove(listener);
    }

    private void freshValues(String device) {
        for (Consumer<String> listener : freshValueListeners) {
            try {
                listener.accept(device);
            } catch (RuntimeException e) {
                LOG.error("a fresh-values listener failed for device {}", device, e);
            }
        }
    }

    @Override
    public CompletableFuture<Void> write(String device, String point, Object value) {
        return polling.write(device, point, value);
    }

    @Deactivate
    void deactivate() {
        polling.close();
    }
}
