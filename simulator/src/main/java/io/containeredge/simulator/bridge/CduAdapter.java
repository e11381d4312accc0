package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.device.PointWrite;
import io.containeredge.simulator.physics.Cdu;
import io.containeredge.simulator.physics.ContainerModel;
import java.util.Locale;

/** The CDU (immersion-cdu profile): temperatures, flow, pressures, pump/fan, alarm and fault bits. */
final class CduAdapter implements DeviceAdapter {

    private final ContainerModel model;
    private final DeviceImage image;

    CduAdapter(ContainerModel model, DeviceImage image) {
        this.model = model;
        this.image = image;
    }

    @Override
    public void init() {
        Cdu cdu = model.cdu();
        image.setIfPresent("pump_speed_setpoint", cdu.pumpSetpointPct());
        image.setIfPresent("fan_speed_setpoint", cdu.fanSetpointPct());
        image.setIfPresent("cdu_enabled", cdu.enabled());
        image.setIfPresent("model", "CE-SIM-CDU1000");
    }

    @Override
    public void publish() {
        Cdu cdu = model.cdu();
        // noise: 0.02 K on PT100 temperatures, 0.5 % of reading on flow, as a CDU's sensors show
        image.setIfPresent("supply_temp", model.supplyC() + model.noise(0.02));
        image.setIfPresent("return_temp", model.returnC() + model.noise(0.02));
        image.setIfPresent("flow", Math.max(0, model.flowM3h() * (1 + model.noise(0.005))));
        image.setIfPresent("supply_pressure", cdu.supplyPressureBar());
        image.setIfPresent("return_pressure", cdu.returnPressureBar());
        image.setIfPresent("pump_speed", cdu.pumpPct());
        image.setIfPresent("pump_state", cdu.pumpState().name().toLowerCase(Locale.ROOT));
        image.setIfPresent("fan_speed", cdu.fanPct());
        // thermal expansion of the fluid: ~0.07 % of volume per K around 35 degC
        image.setIfPresent("tank_level", 85 + 0.07 * (model.supplyC() - 35));
        image.setIfPresent("alarm_bits", 0);
        int faults = (cdu.pumpFault() ? 1 : 0) | (cdu.fanFault() ? 2 : 0);
        image.setIfPresent("fault_bits", faults);
        image.setIfPresent("ambient_temp", model.ambientC() + model.noise(0.05));
    }

    @Override
    public void apply(PointWrite w) {
        Cdu cdu = model.cdu();
        switch (w.point()) {
            case "pump_speed_setpoint" -> cdu.setPumpSetpointPct(w.number());
            case "fan_speed_setpoint" -> cdu.setFanSetpointPct(w.number());
            case "cdu_enabled" -> cdu.setEnabled(w.number() != 0);
            default -> {
                // other writable points have no physics
            }
        }
    }
}
