package io.containeredge.console.overview;

import io.containeredge.control.api.GuardReadings;
import io.containeredge.control.api.Reading;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.modbus.value.PointValue;

/**
 * The readings the overview and the history show, taken exactly as the guards take them (through the
 * controller's {@link GuardReadings}: same devices by role, same points, same quality rules), so the
 * console never shows a number the controller would not trust.
 *
 * @param batterySetpointKw the 704 power setpoint the inverter reports back ({@code m704.WSet})
 */
record ContainerReadings(GuardReadings guards, Reading batterySetpointKw) {

    static final String SETPOINT_POINT = "m704.WSet";

    static ContainerReadings of(SiteConfig site, Snapshot snapshot, long nowMillis) {
        if (site == null || snapshot == null) {
            Reading none = Reading.bad("site", "no site running");
            return new ContainerReadings(new GuardReadings(none, none, none, none, none), none);
        }
        return new ContainerReadings(GuardReadings.of(site, snapshot, nowMillis), setpoint(site, snapshot));
    }

    private static Reading setpoint(SiteConfig site, Snapshot snapshot) {
        String battery = site.battery().orElse(null);
        if (battery == null) {
            return Reading.bad("battery", "no battery in the site");
        }
        PointValue v = snapshot.get(battery, SETPOINT_POINT);
        Reading w = Reading.of(v);
        return w.good() ? Reading.of(w.value() / 1000, w.source()) : w;
    }
}
