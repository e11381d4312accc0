package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.physics.ContainerModel;
import io.containeredge.simulator.physics.MeteredFeed;

/**
 * The AC side of a simulated SunSpec inverter, as models 103 (inverter) and 701 (DER AC measurement) show it:
 * positive W = injecting into the container's bus. Three-phase at unity power factor on the container's
 * voltage; the energy registers count what went each way since the simulator started (from a made-up total).
 * Points the device's profile does not serve are skipped.
 */
final class InverterMeasurements {

    private static final double INITIAL_WH = 1_000_000;

    private final DeviceImage image;
    private final double dcVoltage;
    private double injectedWh = INITIAL_WH;
    private double absorbedWh = INITIAL_WH;

    /** @param dcVoltage the inverter's DC bus (battery string or PV array), V */
    InverterMeasurements(DeviceImage image, double dcVoltage) {
        this.image = image;
        this.dcVoltage = dcVoltage;
    }

    /**
     * Publishes {@code w} (signed, W) on the model's bus voltage and counts its energy over one tick.
     *
     * @param idleState the operating state (103 St / 701 InvSt) while under 1 W: the battery's standby, the PV
     *     plant's sleeping at night
     */
    void publish(ContainerModel model, double w, String idleState) {
        double dt = ContainerModel.TICK_MILLIS / 1000.0;
        if (w > 0) {
            injectedWh += w * dt / 3600;
        } else {
            absorbedWh -= w * dt / 3600;
        }
        double v = model.mainFeed().voltageLn();
        double amps = Math.abs(w) / (3 * v);
        String state = Math.abs(w) > 1 ? "mppt" : idleState;
        double cabinetC = model.ambientC() + 5 + Math.abs(w) / 25_000;
        set("m103.A", amps * 3);
        for (String ph : new String[] {"A", "B", "C"}) {
            set("m103.Aph" + ph, amps);
            set("m103.PhVph" + ph, v);
        }
        for (String ll : new String[] {"AB", "BC", "CA"}) {
            set("m103.PPVph" + ll, v * Math.sqrt(3));
        }
        set("m103.W", w);
        set("m103.Hz", model.grid().nominalHz());
        set("m103.VA", Math.abs(w));
        set("m103.VAr", 0);
        set("m103.PF", 100);
        set("m103.WH", injectedWh);
        set("m103.DCV", dcVoltage);
        set("m103.DCW", w > 0 ? w / 0.97 : w * 0.97);
        set("m103.DCA", Math.abs(w) / dcVoltage);
        set("m103.TmpCab", cabinetC);
        set("m103.St", state);
        set("m103.Evt1", 0);
        set("m701.ACType", "three_phase");
        set("m701.St", "on");
        set("m701.InvSt", state);
        set("m701.ConnSt", "connected");
        set("m701.Alrm", 0);
        set("m701.W", w);
        set("m701.VA", Math.abs(w));
        set("m701.Var", 0);
        set("m701.PF", 1);
        set("m701.A", amps);
        set("m701.LLV", v * Math.sqrt(3));
        set("m701.LNV", v);
        set("m701.Hz", model.grid().nominalHz());
        set("m701.TotWhInj", injectedWh);
        set("m701.TotWhAbs", absorbedWh);
        set("m701.TmpAmb", model.ambientC());
        set("m701.TmpCab", cabinetC);
    }

    private void set(String point, Object value) {
        image.setIfPresent(point, value);
    }
}
