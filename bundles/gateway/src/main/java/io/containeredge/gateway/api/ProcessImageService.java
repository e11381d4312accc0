package io.containeredge.gateway.api;

import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.poll.DeviceDiagnostics;
import java.util.List;

/**
 * The gateway's live picture of its devices: what control, cloud and console read. Read-only;
 * nothing outside the device layer writes to the process image.
 */
public interface ProcessImageService {

    /** Every point with its quality evaluated now. */
    Snapshot snapshot();

    /** Communication health of every configured device. */
    List<DeviceDiagnostics> devices();
}
