package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import io.containeredge.simulator.physics.ContainerModel;

/**
 * The PV plant's SunSpec inverter (models 1, 103, 701): what the plant feeds into the container's bus, in W
 * (103 W with its scale factor W_SF), its lifetime energy (WH) and operating state (St: mppt while it produces,
 * sleeping at night). Points the simulator has no physics for (event bits beyond Evt1, vendor states) keep the
 * not-implemented sentinels. Read-only: nothing the gateway could write changes the plant.
 */
final class PvInverterAdapter implements DeviceAdapter {

    /** A typical string voltage of a utility-scale array at its maximum power point. */
    static final double DC_VOLTAGE = 1000;

    private final ContainerModel model;
    private final DeviceImage image;
    private final InverterMeasurements ac;

    PvInverterAdapter(ContainerModel model, DeviceImage image) {
        this.model = model;
        this.image = image;
        this.ac = new InverterMeasurements(image, DC_VOLTAGE);
    }

    @Override
    public void init() {
        SunSpecCommon.publish(image, "SIM-PV-" + Math.round(model.pv().ratedKw()), image.device());
    }

    @Override
    public void publish() {
        ac.publish(model, model.pv().kw() * 1000, "sleeping");
    }

    @Override
    public void apply(PointWrite write) {
    }
}
