package io.containeredge.simulator.bridge;

import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.physics.MeteredFeed;
import java.util.Locale;
import java.util.function.Function;

/**
 * Chooses the adapter for a device by its role. Meters: a meter whose id contains "aux" measures the
 * auxiliary feed (CDU drives, controls, lights); every other meter is the container's incomer and
 * measures the total (miners + auxiliary + battery charge - discharge - PV output). Role "other" gets no physics.
 */
public final class Adapters {

    private Adapters() {
    }

    public static DeviceAdapter forDevice(DeviceConfig device, SiteConfig site, ContainerModel model, DeviceImage image) {
        return switch (device.role()) {
            case "cdu" -> new CduAdapter(model, image);
            case "transformer" -> new TransformerAdapter(model, image);
            case "meter" -> meter(device, model, image);
            case "pdu" -> new PduAdapter(model, image, pduIndex(device, site), site.miners().socketsPerPdu());
            case "battery" -> new BatteryAdapter(model, image);
            case "pv" -> new PvInverterAdapter(model, image);
            default -> DeviceAdapter.NONE;
        };
    }

    private static DeviceAdapter meter(DeviceConfig device, ContainerModel model, DeviceImage image) {
        Function<ContainerModel, MeteredFeed> feed = device.id().toLowerCase(Locale.ROOT).contains("aux")
                ? ContainerModel::auxFeed : ContainerModel::mainFeed;
        boolean sunspec = image.has("m203.W") || image.has("m213.W");
        return sunspec ? new SunSpecMeterAdapter(model, image, feed) : new FloatMeterAdapter(model, image, feed);
    }

    /** Position of the PDU among the site's PDUs, in file order: PDU k feeds miners k*socketsPerPdu... */
    static int pduIndex(DeviceConfig device, SiteConfig site) {
        return site.devicesWithRole("pdu").indexOf(device);
    }
}
