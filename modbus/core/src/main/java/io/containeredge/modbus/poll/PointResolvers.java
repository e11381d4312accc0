package io.containeredge.modbus.poll;

import io.containeredge.modbus.client.ModbusClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.sunspec.DiscoveredModel;
import io.containeredge.modbus.sunspec.SunSpecDiscovery;
import io.containeredge.modbus.sunspec.SunSpecException;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.modbus.sunspec.SunSpecPoints;
import java.util.ArrayList;
import java.util.List;

/** Chooses how a profile's points are found: listed in the profile, or by SunSpec discovery. */
public final class PointResolvers {

    private PointResolvers() {
    }

    public static PointResolver forProfile(DeviceProfile profile, SunSpecModels models) {
        if (!profile.isSunSpec()) {
            return PointResolver.fixed(profile.points());
        }
        return new PointResolver() {
            @Override
            public List<PointDef> resolve(ModbusClient client, int unitId) throws ModbusFailure {
                try {
                    List<DiscoveredModel> chain = SunSpecDiscovery.discover(client, unitId, profile.sunspec().bases());
                    List<PointDef> points = new ArrayList<>(profile.points());
                    points.addAll(SunSpecPoints.pointsFor(profile.sunspec(), chain, models));
                    return points;
                } catch (SunSpecException e) {
                    throw new ModbusFailure(ModbusFailure.Kind.MALFORMED, "SunSpec discovery failed: " + e.getMessage(), e);
                }
            }

            @Override
            public boolean needsDevice() {
                return true;
            }
        };
    }
}
