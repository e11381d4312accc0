package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.physics.MeteredFeed;
import java.util.function.Function;

/**
 * A SunSpec meter, model 203 (int16 + scale factors) or 213 (float32): points {@code m203.W} etc.
 * Powers in W, energies in Wh, PF in percent where the model's unit is Pct.
 */
final class SunSpecMeterAdapter implements DeviceAdapter {

    private static final String[] PH = {"A", "B", "C"};
    private static final String[] LL = {"AB", "BC", "CA"};

    private final ContainerModel model;
    private final DeviceImage image;
    private final Function<ContainerModel, MeteredFeed> feed;
    private final String device;

    SunSpecMeterAdapter(ContainerModel model, DeviceImage image, Function<ContainerModel, MeteredFeed> feed) {
        this.model = model;
        this.image = image;
        this.feed = feed;
        this.device = image.device();
    }

    @Override
    public void init() {
        SunSpecCommon.publish(image, "SIM-METER", device);
    }

    @Override
    public void publish() {
        for (String m : new String[] {"m203.", "m213."}) {
            if (image.has(m + "W")) {
                publish(m);
            }
        }
    }

    private void publish(String m) {
        MeteredFeed f = feed.apply(model);
        double v = f.voltageLn() + model.noise(0.2);
        image.set(m + "A", f.currentA() * 3);
        image.set(m + "PhV", v);
        image.set(m + "PPV", v * Math.sqrt(3));
        image.set(m + "Hz", model.gridHz());
        image.set(m + "W", f.activeKw() * 1000);
        image.set(m + "VA", f.apparentKva() * 1000);
        image.set(m + "VAR", f.reactiveKvar() * 1000);
        image.set(m + "PF", pf(m + "PF", f.powerFactor()));
        for (int ph = 0; ph < 3; ph++) {
            String p = PH[ph];
            image.set(m + "Aph" + p, f.phaseCurrentA(ph));
            image.set(m + "PhVph" + p, v);
            image.setIfPresent(m + "PhVph" + LL[ph], v * Math.sqrt(3));
            image.setIfPresent(m + "PPVph" + LL[ph], v * Math.sqrt(3));
            image.set(m + "Wph" + p, f.phaseActiveKw(ph) * 1000);
            image.set(m + "VAph" + p, f.phaseApparentKva(ph) * 1000);
            image.set(m + "VARph" + p, f.phaseReactiveKvar(ph) * 1000);
            image.set(m + "PFph" + p, pf(m + "PFph" + p, f.powerFactor()));
            image.set(m + "TotWhImpPh" + p, f.importKwh() * 1000 / 3);
            image.set(m + "TotWhExpPh" + p, f.exportKwh() * 1000 / 3);
        }
        image.set(m + "TotWhImp", f.importKwh() * 1000);
        image.set(m + "TotWhExp", f.exportKwh() * 1000);
        image.set(m + "Evt", 0);
    }

    private double pf(String point, double ratio) {
        return "Pct".equals(image.point(point).unit()) ? ratio * 100 : ratio;
    }

    @Override
    public void apply(PointWrite write) {
    }
}
