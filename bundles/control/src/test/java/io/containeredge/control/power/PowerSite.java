package io.containeredge.control.power;

import static io.containeredge.control.scenario.Container.container;
import static io.containeredge.control.scenario.Events.ambientAt;
import static io.containeredge.control.scenario.Events.batteryOffersNoPower;
import static io.containeredge.control.scenario.Events.batterySocAt;
import static io.containeredge.control.scenario.Events.minerDemandAt;
import static io.containeredge.control.scenario.Events.transformerAt;
import static io.containeredge.control.scenario.Events.windingAt;
import static io.containeredge.control.scenario.Scenario.given;

import io.containeredge.control.scenario.Scenario;
import io.containeredge.site.api.ControlSettings;
import io.containeredge.site.api.Limits;

/**
 * The power scenarios' site: a 2.5 MVA transformer (2375 kW at pf 0.95, the import cap 2400 kW above it) and a
 * container at 2.2 MW: 200 kW of auxiliaries, miners whose work demands 2000 kW and who take a power target or go
 * to sleep 3 s after the command, a 500 kWh battery at 90 %, load allowed back at 10 kW/s. The winding reads
 * 90 degC, the top oil nothing valid, the ambient 30 degC.
 */
final class PowerSite {

    static final Limits LIMITS = new Limits(40, 45, 20, 60, 2500, 2400, 110, 140);
    static final double RATING_KW = 2375;

    private PowerSite() {
    }

    /** With a battery of 250 kW, or (false) one that offers no power. */
    static Scenario site(boolean battery) {
        Scenario sc = given(container().limits(LIMITS).control(recoveringAt10KwPerS()).miners(1, 2500)
                .minersTake(3, 3).powerTargetsTake(3).auxiliaryKw(200)).when(minerDemandAt(2000), batterySocAt(90),
                        windingAt(90), transformerAt("top_oil_temp", Double.NaN), ambientAt(30));
        return battery ? sc : sc.when(batteryOffersNoPower());
    }

    private static ControlSettings recoveringAt10KwPerS() {
        ControlSettings d = ControlSettings.DEFAULTS;
        return new ControlSettings(d.cycle(), d.hysteresisK(), d.curtailKwPerS(), d.safeMinerKw(), d.failSafeHold(),
                10, d.sleepConfirm(), d.minDwell(), d.deltaTWarningK(), d.batteryFollow());
    }
}
