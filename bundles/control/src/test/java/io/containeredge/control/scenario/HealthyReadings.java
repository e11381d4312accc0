package io.containeredge.control.scenario;

import io.containeredge.modbus.site.SiteConfig;

/** The demo site's devices, every one answering with values inside all limits. */
final class HealthyReadings {

    private HealthyReadings() {
    }

    /** The battery offers SunSpec models 704 and 802, at 60 % and idle. */
    static void fill(VirtualImage image, SiteConfig site) {
        image.set("cdu", "supply_temp", 36.0);
        image.set("cdu", "return_temp", 42.0);
        image.set("cdu", "flow", 120.0);
        image.set("cdu", "pump_state", "running");
        image.set("cdu", "alarm_bits.leak", false);
        image.set("cdu", "alarm_bits.smoke", false);
        image.set("cdu", "alarm_bits.level_low", false);
        image.set("cdu", "fault_bits", 0.0);
        image.set("cdu", "ambient_temp", 25.0);
        image.set("transformer", "winding_temp", 80.0);
        image.set("transformer", "top_oil_temp", 60.0);
        image.set("transformer", "ambient_temp", 25.0);
        image.set("meter-aux", "m203.W", 0.0);
        for (String pdu : site.enabledDevicesWithRole("pdu")) {
            image.set(pdu, "socket_01", true);
        }
        image.set("battery", "m802.SoC", 60.0);
        image.set("battery", "m802.WChaRteMax", 250_000.0);
        image.set("battery", "m802.WDisChaRteMax", 250_000.0);
        image.set("battery", "m802.CtrlHb", 0.0);
        image.set("battery", "m704.WSet", 0.0);
        image.set("battery", "m704.WSetEna", 0.0);
    }
}
