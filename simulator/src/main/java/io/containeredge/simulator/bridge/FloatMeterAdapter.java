package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.physics.MeteredFeed;
import java.util.function.Function;

/** A meter with a vendor map (power-meter-float32 profile): V, A per phase, kW/kvar/kVA, PF, Hz, kWh. */
final class FloatMeterAdapter implements DeviceAdapter {

    private final ContainerModel model;
    private final DeviceImage image;
    private final Function<ContainerModel, MeteredFeed> feed;

    FloatMeterAdapter(ContainerModel model, DeviceImage image, Function<ContainerModel, MeteredFeed> feed) {
        this.model = model;
        this.image = image;
        this.feed = feed;
    }

    @Override
    public void init() {
    }

    @Override
    public void publish() {
        MeteredFeed f = feed.apply(model);
        for (int ph = 0; ph < 3; ph++) {
            image.setIfPresent("voltage_l" + (ph + 1), f.voltageLn() + model.noise(0.2));
            image.setIfPresent("current_l" + (ph + 1), f.phaseCurrentA(ph) * (1 + model.noise(0.0005)));
        }
        double noise = 1 + model.noise(0.0005);
        image.setIfPresent("active_power", f.activeKw() * noise);
        image.setIfPresent("reactive_power", f.reactiveKvar() * noise);
        image.setIfPresent("apparent_power", f.apparentKva() * noise);
        image.setIfPresent("power_factor", f.powerFactor());
        image.setIfPresent("frequency", model.gridHz());
        image.setIfPresent("energy_import", f.importKwh());
        image.setIfPresent("energy_export", f.exportKwh());
    }

    @Override
    public void apply(PointWrite write) {
    }
}
