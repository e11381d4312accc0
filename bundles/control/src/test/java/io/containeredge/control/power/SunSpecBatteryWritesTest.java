package io.containeredge.control.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.power.SunSpecBatteryWrites.Device;
import io.containeredge.control.power.SunSpecBatteryWrites.Mismatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SunSpecBatteryWritesTest {

    private static final Device BOTH = new Device(true, true, true, 250_000);
    private static final Device ONLY_124 = new Device(false, true, true, 250_000);
    private static final BatteryCommand DISCHARGE = new BatteryCommand(125, "test");
    private static final BatteryCommand CHARGE = new BatteryCommand(-50, "test");
    private static final BatteryCommand IDLE = BatteryCommand.idle("test");

    private static Map<String, Double> asMap(List<PointWrite> writes) {
        Map<String, Double> m = new HashMap<>();
        writes.forEach(w -> m.put(w.point(), w.value()));
        return m;
    }

    @Test
    void model704IsPreferredWithTheSetpointInWattsPositiveForDischargeAndTheEnableLast() {
        List<PointWrite> w = SunSpecBatteryWrites.writes(DISCHARGE, BOTH, 60, 7);
        assertEquals(List.of(
                new PointWrite("m704.WSetRvrtTms", 60),
                new PointWrite("m704.WSetRvrt", 0),
                new PointWrite("m704.WSetEnaRvrt", 1),
                new PointWrite("m704.WSetMod", 1),
                new PointWrite("m704.WSet", 125_000),
                new PointWrite("m704.WSetEna", 1),
                new PointWrite("m802.CtrlHb", 7)), w);
        assertEquals(-50_000, asMap(SunSpecBatteryWrites.writes(CHARGE, BOTH, 60, 8)).get("m704.WSet"), "charge is negative");
        assertEquals(0, asMap(SunSpecBatteryWrites.writes(IDLE, BOTH, 60, 9)).get("m704.WSet"), "idle is an explicit 0 W");
    }

    @Test
    void model124IsTheFallbackWithRatesInPercentOfWChaMaxAndTheModeBitsLast() {
        assertEquals(List.of(
                new PointWrite("m124.InOutWRte_RvrtTms", 60),
                new PointWrite("m124.InWRte", 0),
                new PointWrite("m124.OutWRte", 50),
                new PointWrite("m124.StorCtl_Mod", 2),
                new PointWrite("m802.CtrlHb", 1)), SunSpecBatteryWrites.writes(DISCHARGE, ONLY_124, 60, 1));
        Map<String, Double> charge = asMap(SunSpecBatteryWrites.writes(CHARGE, ONLY_124, 60, 2));
        assertEquals(20, charge.get("m124.InWRte"), 1e-9);
        assertEquals(0, charge.get("m124.OutWRte"));
        assertEquals(1, charge.get("m124.StorCtl_Mod"));
        Map<String, Double> idle = asMap(SunSpecBatteryWrites.writes(IDLE, ONLY_124, 60, 3));
        assertEquals(3, idle.get("m124.StorCtl_Mod"), "both limits in force at 0 %");
        assertEquals(0, idle.get("m124.InWRte"));
        assertEquals(0, idle.get("m124.OutWRte"));
        Map<String, Double> big = asMap(SunSpecBatteryWrites.writes(new BatteryCommand(400, "x"), ONLY_124, 60, 4));
        assertEquals(100, big.get("m124.OutWRte"), "clamped to 100 %");
    }

    @Test
    void heartbeatIncrementsAndWrapsAndIsWrittenLastOnlyIfTheDeviceHas802() {
        int hb = 0;
        int[] seen = new int[3];
        for (int i = 0; i < 3; i++) {
            hb = SunSpecBatteryWrites.nextHeartbeat(hb);
            List<PointWrite> w = SunSpecBatteryWrites.writes(IDLE, BOTH, 30, hb);
            assertEquals("m802.CtrlHb", w.get(w.size() - 1).point());
            seen[i] = (int) w.get(w.size() - 1).value();
        }
        assertEquals(1, seen[0]);
        assertEquals(2, seen[1]);
        assertEquals(3, seen[2]);
        assertEquals(0, SunSpecBatteryWrites.nextHeartbeat(0xFFFF), "uint16 wraps");
        List<PointWrite> no802 = SunSpecBatteryWrites.writes(IDLE, new Device(true, false, false, Double.NaN), 30, 5);
        assertTrue(no802.stream().noneMatch(p -> p.point().startsWith("m802.")));
    }

    @Test
    void everySetpointCarriesItsReversionTimeBeforeTheSetpointItself() {
        for (Device d : List.of(BOTH, ONLY_124)) {
            for (BatteryCommand c : List.of(DISCHARGE, CHARGE, IDLE)) {
                List<PointWrite> w = SunSpecBatteryWrites.writes(c, d, 45, 1);
                assertTrue(w.get(0).point().endsWith("RvrtTms"), w.toString());
                assertEquals(45, w.get(0).value());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SunSpecBatteryWrites.writes(IDLE, BOTH, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SunSpecBatteryWrites.writes(IDLE, BOTH, 70_000, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SunSpecBatteryWrites.writes(IDLE, new Device(false, false, true, Double.NaN), 30, 1));
    }

    @Test
    void deviceIsRecognisedFromItsPoints() {
        Map<String, Object> points = new HashMap<>();
        points.put("m124.StorCtl_Mod", 0.0);
        points.put("m124.WChaMax", 250_000.0);
        points.put("m802.CtrlHb", 0.0);
        assertEquals(ONLY_124, Device.of(points));
        points.put("m704.WSet", null);
        points.put("m704.WSetEna", "disabled");
        assertEquals(BOTH, Device.of(points));
        points.put("m124.WChaMax", null);
        assertFalse(Device.of(points).model124(), "no rate reference without a good WChaMax");
    }

    @Test
    void verifyAcceptsScaledAndLabelledReadBacksAndNamesWhatDidNotStick() {
        List<PointWrite> w = SunSpecBatteryWrites.writes(new BatteryCommand(123.456, "x"), BOTH, 60, 9);
        Map<String, Object> back = new HashMap<>();
        back.put("m704.WSetRvrtTms", 60.0);
        back.put("m704.WSetRvrt", 0.0);
        back.put("m704.WSetEnaRvrt", "enabled");
        back.put("m704.WSetMod", "watts");
        back.put("m704.WSet", 123_500.0); // WSet_SF = 2: stored to 100 W
        back.put("m704.WSetEna", "enabled");
        back.put("m802.CtrlHb", 9.0);
        assertEquals(List.of(), SunSpecBatteryWrites.verify(w, back));

        back.put("m704.WSetEna", "disabled");
        back.put("m802.CtrlHb", 8.0);
        back.remove("m704.WSetRvrtTms");
        List<Mismatch> wrong = SunSpecBatteryWrites.verify(w, back);
        assertEquals(List.of("m704.WSetRvrtTms", "m704.WSetEna", "m802.CtrlHb"),
                wrong.stream().map(m -> m.write().point()).toList());
        assertEquals("disabled", wrong.get(1).readBack());
    }
}
