package io.containeredge.gateway.api;

import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.poll.DeviceDiagnostics;
import java.util.List;
import java.util.function.Consumer;

/**
 * The gateway's live picture of its devices: what control, cloud and console read. Read-only;
 * nothing outside the device layer writes to the process image.
 */
public interface ProcessImageService {

    /** Every point with its quality evaluated now. */
    Snapshot snapshot();

    /** Communication health of every configured device. */
    List<DeviceDiagnostics> devices();

    /**
     * Tells {@code listener} a device's id each time a poll has put fresh values of it into the image, on the
     * poller's thread: the listener must return at once. Control runs its cycle as soon as a guarded device's
     * values arrive instead of waiting for the next period.
     *
     * @return ends the subscription
     */
    AutoCloseable onFreshValues(Consumer<String> listener);
}
