package io.containeredge.control.scenario;

import io.containeredge.site.api.SiteConfig;
import java.util.Map;

/** The demo site's devices, every one answering with values inside all limits. */
final class HealthyReadings {

    /** By device/point: coolant, transformer monitor, auxiliary meter; a battery at 60 %, idle, with SunSpec 704 and 802. */
    private static final Map<String, Object> DEMO = Map.ofEntries(
            Map.entry("cdu/supply_temp", 36.0), Map.entry("cdu/return_temp", 42.0), Map.entry("cdu/flow", 120.0),
            Map.entry("cdu/pump_state", "running"), Map.entry("cdu/alarm_bits.leak", false),
            Map.entry("cdu/alarm_bits.smoke", false), Map.entry("cdu/alarm_bits.level_low", false),
            Map.entry("cdu/fault_bits", 0.0), Map.entry("cdu/ambient_temp", 25.0),
            Map.entry("transformer/winding_temp", 80.0), Map.entry("transformer/top_oil_temp", 60.0),
            Map.entry("transformer/ambient_temp", 25.0), Map.entry("meter-aux/m203.W", 0.0),
            Map.entry("battery/m802.WChaRteMax", 250_000.0),
            Map.entry("battery/m802.WDisChaRteMax", 250_000.0), Map.entry("battery/m802.CtrlHb", 0.0),
            Map.entry("battery/m704.WSet", 0.0), Map.entry("battery/m704.WSetEna", 0.0));

    static final double SOC_PCT = 60;

    private HealthyReadings() {
    }

    /** Every PDU socket 1 reads on, as the demo site's PDUs answer. */
    static void fill(VirtualImage image, SiteConfig site) {
        DEMO.forEach((key, value) -> {
            int slash = key.indexOf('/');
            image.set(key.substring(0, slash), key.substring(slash + 1), value);
        });
        for (String pdu : site.enabledDevicesWithRole("pdu")) {
            image.set(pdu, "socket_01", true);
        }
    }
}
