package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.physics.TransformerThermal;

/**
 * The transformer monitor: top-oil and winding (hot-spot) temperature, load, status bits. Alarm and
 * trip follow the site's hot-spot limits; fan stages switch at 65 / 75 degC top oil; probe_fault is
 * set while a temperature probe is faulted by injection.
 */
final class TransformerAdapter implements DeviceAdapter {

    private final ContainerModel model;
    private final DeviceImage image;

    TransformerAdapter(ContainerModel model, DeviceImage image) {
        this.model = model;
        this.image = image;
    }

    @Override
    public void init() {
    }

    @Override
    public void publish() {
        TransformerThermal t = model.transformer();
        image.setIfPresent("top_oil_temp", t.topOilC() + model.noise(0.05));
        image.setIfPresent("winding_temp", t.hotSpotC() + model.noise(0.05));
        image.setIfPresent("ambient_temp", model.ambientC() + model.noise(0.05));
        image.setIfPresent("load_pct", t.loadPct());
        var limits = model.site().limits();
        boolean probeFault = image.has("top_oil_temp") && image.isFaulted("top_oil_temp")
                || image.has("winding_temp") && image.isFaulted("winding_temp");
        int bits = (t.hotSpotC() > limits.hotSpotLimitC() ? 1 : 0)
                | (t.hotSpotC() > limits.hotSpotEmergencyC() ? 2 : 0)
                | (t.topOilC() > 65 ? 4 : 0)
                | (t.topOilC() > 75 ? 8 : 0)
                | (probeFault ? 16 : 0);
        image.setIfPresent("status_bits", bits);
    }

    @Override
    public void apply(PointWrite write) {
    }
}
