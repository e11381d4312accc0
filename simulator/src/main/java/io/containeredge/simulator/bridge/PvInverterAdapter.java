package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.physics.PvPlant;
import java.util.Set;

/**
 * The PV plant's SunSpec inverter (models 1, 103, 701, 704): what the plant feeds into the container's bus, in W
 * (103 W with its scale factor W_SF), its lifetime energy (WH) and operating state (St: mppt while it produces,
 * sleeping at night). Points the simulator has no physics for (event bits beyond Evt1, vendor states, the 704
 * controls other than the power limit) keep the not-implemented sentinels.
 *
 * <p>704 power limit: {@code WMaxLimPctEna} enabled caps the plant at {@code WMaxLimPct} % of its rating
 * ({@link PvPlant#cap}); {@code WMaxLimPctRvrtTms} &gt; 0 is the reversion timer ({@code WMaxLimPctRvrtRem}
 * counts down): without a new write in time the limit reverts to {@code WMaxLimPctRvrt} if
 * {@code WMaxLimPctEnaRvrt} is enabled, else to none, and the registers read what is in force. A percentage
 * outside 0..100 is refused with exception 03.
 */
final class PvInverterAdapter implements DeviceAdapter {

    /** A typical string voltage of a utility-scale array at its maximum power point. */
    static final double DC_VOLTAGE = 1000;
    private static final Set<String> LIMIT_COMMAND = Set.of("m704.WMaxLimPctEna", "m704.WMaxLimPct",
            "m704.WMaxLimPctRvrt", "m704.WMaxLimPctEnaRvrt", "m704.WMaxLimPctRvrtTms");
    private static final Set<String> PERCENTAGES = Set.of("m704.WMaxLimPct", "m704.WMaxLimPctRvrt");

    private final ContainerModel model;
    private final DeviceImage image;
    private final InverterMeasurements ac;
    private int seenReversions;

    PvInverterAdapter(ContainerModel model, DeviceImage image) {
        this.model = model;
        this.image = image;
        this.ac = new InverterMeasurements(image, DC_VOLTAGE);
        image.checkWrites((point, value) -> PERCENTAGES.contains(point) && value instanceof Number n
                && !(n.doubleValue() >= 0 && n.doubleValue() <= 100) ? "must be 0..100 %: " + value : null);
    }

    @Override
    public void init() {
        SunSpecCommon.publish(image, "SIM-PV-" + Math.round(model.pv().ratedKw()), image.device());
        image.setIfPresent("m704.WMaxLimPctEna", "disabled");
        image.setIfPresent("m704.WMaxLimPct", 100);
        image.setIfPresent("m704.WMaxLimPctRvrt", 100);
        image.setIfPresent("m704.WMaxLimPctEnaRvrt", "disabled");
        image.setIfPresent("m704.WMaxLimPctRvrtTms", 0);
    }

    @Override
    public void publish() {
        PvPlant pv = model.pv();
        if (pv.reversions() != seenReversions) {
            seenReversions = pv.reversions();
            boolean capped = !Double.isNaN(pv.capPct());
            image.setIfPresent("m704.WMaxLimPctEna", capped ? "enabled" : "disabled");
            if (capped) {
                image.setIfPresent("m704.WMaxLimPct", pv.capPct());
            }
        }
        image.setIfPresent("m704.WMaxLimPctRvrtRem", Math.ceil(pv.reversionRemainingS()));
        ac.publish(model, pv.kw() * 1000, "sleeping");
    }

    @Override
    public void apply(PointWrite write) {
        if (!LIMIT_COMMAND.contains(write.point())) {
            return;
        }
        PvPlant pv = model.pv();
        if (!"enabled".equals(image.get("m704.WMaxLimPctEna").value())) {
            pv.uncap();
            return;
        }
        double fallback = "enabled".equals(image.get("m704.WMaxLimPctEnaRvrt").value())
                ? image.number("m704.WMaxLimPctRvrt") : Double.NaN;
        double reversionS = image.number("m704.WMaxLimPctRvrtTms");
        pv.cap(image.number("m704.WMaxLimPct"), Double.isNaN(reversionS) ? 0 : reversionS, fallback);
    }
}
