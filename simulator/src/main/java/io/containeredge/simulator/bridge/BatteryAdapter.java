package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import io.containeredge.simulator.physics.Battery;
import io.containeredge.simulator.physics.ContainerModel;
import java.util.Set;

/**
 * The SunSpec battery inverter (models 1, 103, 701, 124, 704, 802). Two ways to command it; the
 * latest write wins:
 * <ul>
 *   <li>124 storage: {@code StorCtl_Mod} bit 0 (charge) charges at {@code InWRte} % of
 *       {@code WChaMax}; bit 1 (discharge) discharges at {@code OutWRte} % of {@code WChaMax}
 *       (a negative InWRte discharges, as some vendors allow). {@code InOutWRte_RvrtTms} &gt; 0 is the
 *       reversion timer: without a new write to these points before it expires the battery goes idle
 *       and StorCtl_Mod reads 0 again.</li>
 *   <li>704 DER controls: {@code WSetEna} enabled with {@code WSetMod} watts sets {@code WSet} W
 *       (positive = discharge/inject, negative = charge), or w_max_pct sets {@code WSetPct} % of the
 *       discharge rating; {@code WSetRvrtTms} is the reversion timer (WSetEna reads disabled after it
 *       fires, {@code WSetRvrtRem} counts down).</li>
 * </ul>
 * 802: SoC, charge state, the battery's heartbeat {@code Hb} (+1 per second) and the controller's
 * {@code CtrlHb}, which reads back exactly what the controller last wrote.
 */
final class BatteryAdapter implements DeviceAdapter {

    static final double DC_VOLTAGE = 768;
    private static final Set<String> STORAGE_COMMAND = Set.of("m124.StorCtl_Mod", "m124.InWRte", "m124.OutWRte",
            "m124.InOutWRte_RvrtTms", "m124.WChaMax");
    private static final Set<String> DER_COMMAND = Set.of("m704.WSetEna", "m704.WSetMod", "m704.WSet",
            "m704.WSetPct", "m704.WSetRvrtTms");

    private final ContainerModel model;
    private final DeviceImage image;
    private String lastSource = "";
    private final InverterMeasurements ac;
    private int seenReversions;

    BatteryAdapter(ContainerModel model, DeviceImage image) {
        this.model = model;
        this.image = image;
        this.ac = new InverterMeasurements(image, DC_VOLTAGE);
    }

    @Override
    public void init() {
        Battery b = model.battery();
        SunSpecCommon.publish(image, "SIM-BESS-" + Math.round(b.capacityKwh()), image.device());
        set("m124.WChaMax", b.maxChargeKw() * 1000);
        set("m124.WChaGra", 100);
        set("m124.WDisChaGra", 100);
        set("m124.StorCtl_Mod", 0);
        set("m124.VAChaMax", b.maxChargeKw() * 1000);
        set("m124.MinRsvPct", Battery.SOC_MIN_PCT);
        set("m124.InWRte", 0);
        set("m124.OutWRte", 0);
        set("m124.InOutWRte_WinTms", 0);
        set("m124.InOutWRte_RvrtTms", 0);
        set("m124.InOutWRte_RmpTms", 0);
        set("m124.ChaGriSet", "grid");
        set("m704.WSetEna", "disabled");
        set("m704.WSetMod", "watts");
        set("m704.WSet", 0);
        set("m704.WSetRvrt", 0);
        set("m704.WSetEnaRvrt", "disabled");
        set("m704.WSetRvrtTms", 0);
        set("m704.WSetPct", 0);
        set("m802.SocRsvMax", Battery.SOC_MAX_PCT);
        set("m802.SoCRsvMin", Battery.SOC_MIN_PCT);
        set("m802.CtrlHb", 0);
        set("m802.SetOp", "connect");
        set("m802.SetInvState", "inverter_started");
    }

    private void set(String point, Object value) {
        image.setIfPresent(point, value);
    }

    @Override
    public void publish() {
        Battery b = model.battery();
        if (b.reversions() != seenReversions) {
            seenReversions = b.reversions();
            if (lastSource.equals("124")) {
                set("m124.StorCtl_Mod", 0);
            } else if (lastSource.equals("704")) {
                set("m704.WSetEna", "disabled");
            }
        }
        double w = b.powerKw() * 1000;
        ac.publish(model, w, "standby");
        // 124 storage status
        set("m124.ChaState", b.socPct());
        set("m124.StorAval", b.capacityKwh() * 1000 * b.socPct() / 100 / DC_VOLTAGE);
        set("m124.InBatV", DC_VOLTAGE);
        set("m124.ChaSt", b.chargeState());
        set("m704.WSetRvrtRem", Math.ceil(lastSource.equals("704") ? b.reversionRemainingS() : 0));
        publishBattery(b, w);
    }

    private void publishBattery(Battery b, double w) {
        set("m802.AHRtg", b.capacityKwh() * 1000 / DC_VOLTAGE);
        set("m802.WHRtg", b.capacityKwh() * 1000);
        set("m802.WChaRteMax", b.maxChargeKw() * 1000);
        set("m802.WDisChaRteMax", b.maxDischargeKw() * 1000);
        set("m802.DisChaRte", 0);
        set("m802.SoCMax", Battery.SOC_MAX_PCT);
        set("m802.SoCMin", Battery.SOC_MIN_PCT);
        set("m802.SoC", b.socPct());
        set("m802.DoD", 100 - b.socPct());
        set("m802.SoH", 98);
        set("m802.NCyc", 112);
        set("m802.ChaSt", b.chargeState());
        set("m802.LocRemCtl", "remote");
        set("m802.Hb", b.heartbeat());
        set("m802.Typ", "lithium_ion");
        set("m802.State", "connected");
        set("m802.V", DC_VOLTAGE);
        set("m802.A", w / DC_VOLTAGE);
        set("m802.W", w);
        set("m802.Evt1", 0);
    }

    @Override
    public void apply(PointWrite write) {
        if (STORAGE_COMMAND.contains(write.point())) {
            lastSource = "124";
            applyStorage();
        } else if (DER_COMMAND.contains(write.point())) {
            lastSource = "704";
            applyDerControl();
        }
    }

    private void applyStorage() {
        Battery b = model.battery();
        long mode = (long) zeroIfNaN(image.number("m124.StorCtl_Mod"));
        double ref = zeroIfNaN(image.number("m124.WChaMax")) / 1000;
        double kw = 0;
        if ((mode & 1) != 0) {
            kw -= zeroIfNaN(image.number("m124.InWRte")) / 100 * ref;
        }
        if ((mode & 2) != 0) {
            kw += zeroIfNaN(image.number("m124.OutWRte")) / 100 * ref;
        }
        b.command(kw, zeroIfNaN(image.number("m124.InOutWRte_RvrtTms")));
    }

    private void applyDerControl() {
        Battery b = model.battery();
        if (!"enabled".equals(image.get("m704.WSetEna").value())) {
            b.idle();
            return;
        }
        double kw = "w_max_pct".equals(image.get("m704.WSetMod").value())
                ? zeroIfNaN(image.number("m704.WSetPct")) / 100 * b.maxDischargeKw()
                : zeroIfNaN(image.number("m704.WSet")) / 1000;
        b.command(kw, zeroIfNaN(image.number("m704.WSetRvrtTms")));
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
