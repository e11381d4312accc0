package io.containeredge.modbus.poll;

import io.containeredge.modbus.client.J2modClient;
import io.containeredge.modbus.client.ModbusClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs one {@link ConnectionPoller} per connection in use and feeds the process image. Devices come
 * and go one at a time (each is its own OSGi component); a connection's poller starts with its first
 * device and stops with its last.
 */
public final class PollingService implements AutoCloseable {

    private final ProcessImage image;
    private final DeviceListener listener;
    private final Function<ConnectionConfig, ModbusClient> clients;
    private final Function<DeviceProfile, PointResolver> resolvers;
    private final Map<String, ConnectionPoller> pollers = new ConcurrentHashMap<>();
    private final Map<String, String> connectionOfDevice = new ConcurrentHashMap<>();

    /**
     * @param events told about online/offline changes (values go to the image)
     * @param resolvers how a profile's points are found (listed, or SunSpec discovery)
     */
    public PollingService(ProcessImage image, DeviceListener events, Function<DeviceProfile, PointResolver> resolvers) {
        this(image, events, J2modClient::new, resolvers);
    }

    public PollingService(ProcessImage image, DeviceListener events, Function<ConnectionConfig, ModbusClient> clients,
            Function<DeviceProfile, PointResolver> resolvers) {
        this.image = image;
        this.clients = clients;
        this.resolvers = resolvers;
        this.listener = new DeviceListener() {
            @Override
            public void values(List<io.containeredge.modbus.value.PointValue> values) {
                image.update(values);
                events.values(values);
            }

            @Override
            public void onlineChanged(String device, boolean online, String reason) {
                events.onlineChanged(device, online, reason);
            }
        };
    }

    public synchronized void addDevice(DeviceConfig device, DeviceProfile profile, ConnectionConfig connection) {
        removeDevice(device.id());
        PointResolver inner = resolvers.apply(profile);
        PointResolver declaring = new PointResolver() {
            @Override
            public List<PointDef> resolve(ModbusClient client, int unitId) throws ModbusFailure {
                List<PointDef> points = inner.resolve(client, unitId);
                declare(device, points);
                return points;
            }

            @Override
            public boolean needsDevice() {
                return inner.needsDevice();
            }
        };
        if (!inner.needsDevice()) {
            declare(device, profile.points());
        }
        ConnectionPoller poller = pollers.computeIfAbsent(connection.id(), id -> {
            ConnectionPoller p = new ConnectionPoller(connection, clients.apply(connection), listener);
            p.start();
            return p;
        });
        connectionOfDevice.put(device.id(), connection.id());
        poller.addDevice(new PolledDevice(device, declaring, profile.unreadable(), connection.maxGap()));
    }

    private void declare(DeviceConfig device, List<PointDef> points) {
        for (PointDef p : points) {
            long maxAge = device.maxAge(p).toMillis();
            ResponseDecoder.namesOf(p).forEach(name -> image.declare(device.id(), name, p.unit(), maxAge));
        }
    }

    public synchronized void removeDevice(String deviceId) {
        String connection = connectionOfDevice.remove(deviceId);
        if (connection == null) {
            return;
        }
        ConnectionPoller poller = pollers.get(connection);
        poller.removeDevice(deviceId);
        image.remove(deviceId);
        if (poller.devices().isEmpty()) {
            pollers.remove(connection);
            poller.close();
        }
    }

    /**
     * Writes an engineering value to a writable point of a device, encoded exactly as it is decoded
     * (scale, offset, scale factor, word order). Refused, with nothing sent, when the device or point
     * is unknown, the point is not writable, the value is outside the point's range, or the point's
     * scale factor has not been read yet.
     *
     * @return completes when the device acknowledged the write, exceptionally otherwise
     */
    public CompletableFuture<Void> write(String deviceId, String pointName, Object value) {
        try {
            String connection = connectionOfDevice.get(deviceId);
            ConnectionPoller poller = connection == null ? null : pollers.get(connection);
            PolledDevice device = poller == null ? null : poller.devices().stream()
                    .filter(d -> d.id().equals(deviceId)).findFirst().orElse(null);
            if (device == null) {
                throw new IllegalArgumentException("no device '" + deviceId + "'");
            }
            PointDef point = device.point(pointName).orElseThrow(() ->
                    new IllegalArgumentException("device '" + deviceId + "' has no point '" + pointName + "' (yet)"));
            return poller.write(device.config().unitId(), point, WriteEncoder.encode(device, point, value));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public List<DeviceDiagnostics> diagnostics() {
        List<DeviceDiagnostics> all = new ArrayList<>();
        for (ConnectionPoller p : pollers.values()) {
            p.devices().forEach(d -> all.add(d.diagnostics(p.config().id())));
        }
        all.sort((a, b) -> a.device().compareTo(b.device()));
        return all;
    }

    public List<ConnectionPoller> pollers() {
        return List.copyOf(pollers.values());
    }

    @Override
    public synchronized void close() {
        pollers.values().forEach(ConnectionPoller::close);
        pollers.clear();
        connectionOfDevice.clear();
    }
}
