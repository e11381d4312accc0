package io.containeredge.modbus.sunspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.profile.PointDef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SunSpecLayoutTest {

    static final SunSpecModels MODELS = SunSpecModels.builtIn();

    @Test
    void headersMarkTheStartEveryModelAndTheEnd() throws ConfigException {
        SunSpecLayout layout = SunSpecLayout.build(MODELS, 40000, List.of(1, 103));

        Map<Integer, Integer> expected = new TreeMap<>(Map.of(
                40000, 0x5375, 40001, 0x6E53,
                40002, 1, 40003, 66,
                40070, 103, 40071, 50,
                40122, 0xFFFF, 40123, 0));
        assertEquals(expected, layout.headerRegisters());
        assertEquals(40000, layout.base());
        assertEquals(2 + (2 + 66) + (2 + 50) + 2, layout.length());
    }

    @Test
    void pointsAreAbsoluteAndNamedByModel() throws ConfigException {
        SunSpecLayout layout = SunSpecLayout.build(MODELS, 0, List.of(1, 103));

        PointDef w = byName(layout.points(), "m103.W");
        assertEquals(72 + 12, w.address());
        assertEquals("m103.W_SF", w.scaleFactor());
        assertEquals(72 + 13, byName(layout.points(), "m103.W_SF").address());
        assertEquals(4, byName(layout.points(), "m1.Mn").address());
    }

    @Test
    void refusesWhatCannotBeServed() {
        assertThrows(ConfigException.class, () -> SunSpecLayout.build(MODELS, 0, List.of(1, 9999)));
        assertThrows(ConfigException.class, () -> SunSpecLayout.build(MODELS, 0, List.of(1, 103, 1)));
        ConfigException tooHigh = assertThrows(ConfigException.class,
                () -> SunSpecLayout.build(MODELS, 65500, List.of(1, 103)));
        assertTrue(tooHigh.getMessage().contains("past 65535"), tooHigh.getMessage());
    }

    static PointDef byName(List<PointDef> points, String name) {
        return points.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no point " + name));
    }
}
