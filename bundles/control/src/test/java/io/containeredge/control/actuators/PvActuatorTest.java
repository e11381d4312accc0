package io.containeredge.control.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.modbus.image.Snapshot;
import io.containeredge.modbus.value.PointValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PvActuatorTest {

    private final PvActuator pv = new PvActuator("pv", (device, point, value) -> CompletableFuture.completedFuture(null));

    private static Snapshot reads(Object enabled, double pct) {
        return new Snapshot(0, List.of(PointValue.good("pv", "m704.WMaxLimPctEna", enabled, "", 0),
                PointValue.good("pv", "m704.WMaxLimPct", pct, "%", 0)));
    }

    @Test
    void aCapInForceIsReadAsTheProcessImageOrAVirtualDeviceHasIt() {
        assertEquals(25, pv.capInForcePct(reads("enabled", 25)));
        assertEquals(25, pv.capInForcePct(reads(1, 25)));
        assertEquals(Double.NaN, pv.capInForcePct(reads("disabled", 25)), "disabled: runs free");
    }

    @Test
    void aCapAtTheFullRatingIsNoCapToStartFrom() {
        // what a released cap stood at, read once more before the release reads back
        assertEquals(Double.NaN, pv.capInForcePct(reads("enabled", 100)));
        assertEquals(Double.NaN, pv.capInForcePct(reads("enabled", 99.6)));
        assertEquals(99, pv.capInForcePct(reads("enabled", 99)));
    }

    @Test
    void noModel704IsAnAlarmOnlyWhenACapIsWanted() {
        Snapshot none = new Snapshot(0, List.of());
        assertEquals(List.of(), pv.apply(Double.NaN, 0, none, 0));
        assertEquals("pv.no-limit", pv.apply(50, 0, none, 0).get(0).id());
    }
}
