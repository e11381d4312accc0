package io.containeredge.control.api;

import io.containeredge.control.loop.ContainerInputs;
import io.containeredge.control.loop.InputMapper;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.SiteConfig;

/**
 * The readings a display shows, taken exactly as the guards take them (the controller's own mapping:
 * same devices by role, same points, same quality rules), so nothing is shown that the controller would
 * not trust.
 */
public record GuardReadings(Reading supplyC, Reading returnC, Reading importKw, Reading batterySocPct,
        Reading batteryKw) {

    /** @param nowMillis the time the snapshot's ages are judged at */
    public static GuardReadings of(SiteConfig site, Snapshot snapshot, long nowMillis) {
        // the miner figures feed only the guards' models, not the readings taken here
        ContainerInputs in = new InputMapper(site).map(snapshot, nowMillis, 0, 0);
        return new GuardReadings(in.cooling().supplyC(), in.cooling().returnC(), in.power().importKw(),
                in.power().batterySocPct(), in.power().batteryKw());
    }
}
