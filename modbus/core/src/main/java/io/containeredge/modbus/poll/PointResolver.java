package io.containeredge.modbus.poll;

import io.containeredge.modbus.client.ModbusClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.profile.PointDef;
import java.util.List;

/**
 * Produces the points of a device. For a listed register map that is the profile's list; for a
 * SunSpec device it is discovery over the wire, which is why it gets the client.
 */
public interface PointResolver {

    List<PointDef> resolve(ModbusClient client, int unitId) throws ModbusFailure;

    /** Whether {@link #resolve} talks to the device (and must be retried after it failed). */
    boolean needsDevice();

    static PointResolver fixed(List<PointDef> points) {
        return new PointResolver() {
            @Override
            public List<PointDef> resolve(ModbusClient client, int unitId) {
                return points;
            }

            @Override
            public boolean needsDevice() {
                return false;
            }
        };
    }
}
