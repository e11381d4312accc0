package io.containeredge.modbus.poll;

import io.containeredge.modbus.value.PointValue;
import java.util.List;

/** Where a poller delivers what it learns. Called on the poller's thread; must not block. */
public interface DeviceListener {

    /** Fresh values from one successful read. */
    void values(List<PointValue> values);

    /** The device stopped answering (after its retry) or answered again. */
    void onlineChanged(String device, boolean online, String reason);

    /** For callers that only need the process image, which the polling service fills anyway. */
    static DeviceListener ignoring() {
        return new DeviceListener() {
            @Override
            public void values(List<PointValue> values) {
            }

            @Override
            public void onlineChanged(String device, boolean online, String reason) {
            }
        };
    }
}
