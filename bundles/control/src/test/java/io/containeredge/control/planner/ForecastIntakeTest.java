package io.containeredge.control.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.ForecastSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation forecasts from outside: the one check every path goes through (a bad forecast is refused whole, with
 * the slot that is wrong), the strict file form, and the file watched version by version.
 */
class ForecastIntakeTest {

    private static final long Q = 15 * 60_000L;
    private static final long NOW = 1_800_000_000_000L; // on a quarter hour

    @TempDir
    Path dir;

    private static List<ForecastSlot> slots(int n, double kw) {
        List<ForecastSlot> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(new ForecastSlot(NOW + i * Q, 15, kw, Double.NaN));
        }
        return s;
    }

    private static String refusal(List<ForecastSlot> slots) {
        return assertThrows(IllegalArgumentException.class, () -> ForecastUpdates.check(slots, NOW, 400, "test"))
                .getMessage();
    }

    @Test
    void aGoodForecastIsTakenAndLookedUpBySlot() {
        GenerationForecast f = ForecastUpdates.check(slots(192, 120), NOW + 60_000, 400, "mqtt:ops");
        assertEquals(192, f.slots().size());
        assertEquals(120, f.at(NOW + 5 * Q + 1).orElseThrow().pvKw());
        assertTrue(f.at(NOW + 192 * Q).isEmpty(), "past its last slot there is none");
        assertTrue(f.at(NOW - 1).isEmpty());
    }

    @Test
    void aBadForecastIsRefusedWholeNamingTheSlot() {
        List<ForecastSlot> hole = new ArrayList<>(slots(4, 100));
        hole.remove(2);
        assertTrue(refusal(hole).startsWith("forecast slot 2 starts at"), refusal(hole));
        List<ForecastSlot> tooMuch = new ArrayList<>(slots(4, 100));
        tooMuch.set(1, new ForecastSlot(NOW + Q, 15, 441, Double.NaN));
        assertTrue(refusal(tooMuch).contains("0 to 440 kW"), refusal(tooMuch));
        List<ForecastSlot> hot = new ArrayList<>(slots(4, 100));
        hot.set(3, new ForecastSlot(NOW + 3 * Q, 15, 100, 85));
        assertTrue(refusal(hot).startsWith("forecast slot 3 has an ambient of 85.0"), refusal(hot));
        assertTrue(refusal(List.of(new ForecastSlot(NOW, 5, 1, Double.NaN))).contains("15 minutes"));
        assertTrue(refusal(List.of(new ForecastSlot(NOW + 60_000, 15, 1, Double.NaN))).contains("quarter hour"));
        assertTrue(refusal(slots(201, 1)).contains("at most 200"));
        assertTrue(refusal(List.of()).startsWith("no forecast slots"));
        assertTrue(refusal(List.of(new ForecastSlot(NOW - 2 * Q, 15, 1, Double.NaN))).contains("has ended"));
        List<ForecastSlot> far = List.of(new ForecastSlot(NOW + 60 * 4 * Q, 15, 1, Double.NaN));
        assertTrue(refusal(far).contains("more than 48 h ahead"), refusal(far));
    }

    @Test
    void theFileIsReadStrictly() {
        List<ForecastSlot> read = ForecastFileReader.read("""
                {"slots": [{"start": "2027-01-15T08:00:00Z", "minutes": 15, "pvKw": 120.5, "ambientC": 31},
                           {"start": 1800000900000, "minutes": 15, "pvKw": 0}]}
                """);
        assertEquals(List.of(new ForecastSlot(NOW, 15, 120.5, 31), new ForecastSlot(NOW + Q, 15, 0, Double.NaN)), read);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ForecastFileReader.read(
                "{\"slots\": [{\"start\": 1, \"minutes\": 15, \"pvKw\": 1, \"cloud\": 3}]}"));
        assertEquals("slots[0] has an unknown field (its fields: ambientC, minutes, pvKw, start)", unknown.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> ForecastFileReader.read(
                "{\"slots\": [{\"start\": 1, \"minutes\": 15, \"pvKw\": \"sunny\"}]}"));
        assertEquals("slots[0].pvKw must be a number", text.getMessage());
    }

    @Test
    void theFileWatcherTakesEachNewVersionOnceAndKeepsTheLastGoodOneOnARefusal() throws Exception {
        Path file = dir.resolve("pv.json");
        List<List<ForecastSlot>> taken = new ArrayList<>();
        ForecastFileWatcher watcher = new ForecastFileWatcher(file, (slots, source) -> {
            ForecastUpdates.check(slots, NOW, 400, source);
            taken.add(slots);
        });
        watcher.check(); // not written yet: nothing
        Files.writeString(file, "{\"slots\": [{\"start\": 1800000000000, \"minutes\": 15, \"pvKw\": 50}]}");
        watcher.check();
        watcher.check();
        assertEquals(1, taken.size(), "one version, taken once");
        Files.writeString(file, "{\"slots\": [{\"start\": 1800000000000, \"minutes\": 15, \"pvKw\": 9999}]}");
        watcher.check();
        assertEquals(1, taken.size(), "a refused version changes nothing");
    }
}
