package io.containeredge.control.scenario;

import io.containeredge.gateway.api.DeviceWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The devices the loop writes to: every write is recorded; a PDU socket switches (its reading in the image
 * follows, unless the test made the socket stuck); the battery's writes go to the {@link VirtualBattery}, the PV
 * inverter's to the {@link VirtualPv}.
 */
public final class VirtualDevices implements DeviceWriter {

    /** One write the loop sent to a device, and the virtual time it was sent at. */
    public record Write(String device, String point, Object value, long atMillis) {
    }

    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final Set<String> stuckSockets = new HashSet<>();
    private final VirtualImage image;
    private final LongSupplier now;
    private final String batteryDevice;
    private final VirtualBattery battery;
    private VirtualPv pv;

    VirtualDevices(VirtualImage image, String batteryDevice, VirtualBattery battery, LongSupplier now) {
        this.image = image;
        this.batteryDevice = batteryDevice;
        this.battery = battery;
        this.now = now;
    }

    /** The PV inverter (device {@code pv}) obeys the writes to it, and its 704 points read back what was written. */
    void pv(VirtualPv inverter) {
        pv = inverter;
    }

    @Override
    public CompletableFuture<Void> write(String device, String point, Object value) {
        writes.add(new Write(device, point, value, now.getAsLong()));
        if (device.equals(batteryDevice)) {
            battery.written(point, value, now.getAsLong());
        } else if (pv != null && device.equals(Scenario.PV)) {
            pv.written(point, value, now.getAsLong());
            image.set(device, point, value);
        } else if (point.startsWith("socket_") && !stuckSockets.contains(device + "/" + point)) {
            image.set(device, point, value);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Every write so far, in order. */
    public List<Write> writes() {
        return List.copyOf(writes);
    }

    public List<Write> writesTo(String device) {
        return writes.stream().filter(w -> w.device().equals(device)).toList();
    }

    /** Forgets the writes so far: what comes next is what a test looks at. */
    public void forget() {
        writes.clear();
    }

    /** The socket's relay does not switch: a cut sent to it does not take. */
    void stick(String pdu, String socket) {
        stuckSockets.add(pdu + "/" + socket);
    }
}
