package io.containeredge.control.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.economics.UnitModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learned curves survive a restart; a file that cannot be trusted is set aside and learning starts again. */
class EfficiencyFileTest {

    static final UnitModel S21 = Polls.unit("s21-class");
    static final UnitModel S19 = Polls.unit("s19j-pro-class");

    @TempDir
    Path dir;

    private LearnedCurves learned() {
        LearnedCurves curves = new LearnedCurves();
        for (int i = 0; i < 30; i++) {
            curves.add(0, S21.model(), 3500, 3500 + i % 3, 134 + i % 2);
            curves.add(0, S21.model(), 2800, 2801, 112.5);
            curves.add(7, S19.model(), 3000, 3010, 98);
        }
        return curves;
    }

    private LearnedCurves reloaded(EfficiencyFile file, Map<Integer, UnitModel> units) {
        LearnedCurves curves = new LearnedCurves();
        curves.restore(file.load(1000), units);
        return curves;
    }

    @Test
    void aRestartKeepsEveryPointAndTheSameCurve() throws Exception {
        EfficiencyFile file = new EfficiencyFile(dir.resolve("efficiency.json"));
        LearnedCurves before = learned();
        file.save(before.all());
        LearnedCurves after = reloaded(file, Map.of(0, S21, 7, S19));
        assertEquals(before.all(), after.all());
        assertEquals(before.curveOf(0, S21, 20), after.curveOf(0, S21, 20));
        assertTrue(Files.readString(file.file()).contains("\"version\" : " + EfficiencyFile.VERSION));
    }

    @Test
    void aMinerWhoseModelChangedOrThatIsGoneIsDroppedOnLoad() throws Exception {
        EfficiencyFile file = new EfficiencyFile(dir.resolve("efficiency.json"));
        file.save(learned().all());
        LearnedCurves after = reloaded(file, Map.of(0, S19));
        assertEquals(Map.of(), after.all());
    }

    @Test
    void noFileIsNothingLearned() {
        assertEquals(Map.of(), new EfficiencyFile(dir.resolve("efficiency.json")).load(1000));
    }

    @Test
    void aCorruptFileIsSetAsideAndLearningStartsAgain() throws Exception {
        Path path = dir.resolve("efficiency.json");
        Files.writeString(path, "{\"version\": 1, \"miners\": [{\"index\": 0, \"model\": \"S21\", \"poi");
        assertEquals(Map.of(), new EfficiencyFile(path).load(1000));
        assertFalse(Files.exists(path));
        assertTrue(Files.readString(dir.resolve("efficiency.json.set-aside-1000")).startsWith("{\"version\": 1"));
    }

    @Test
    void aFileOfAnotherVersionIsSetAside() throws Exception {
        Path path = dir.resolve("efficiency.json");
        Files.writeString(path, "{\"version\": 2, \"miners\": []}");
        assertEquals(Map.of(), new EfficiencyFile(path).load(1000));
        assertTrue(Files.exists(dir.resolve("efficiency.json.set-aside-1000")));
    }

    @Test
    void aPointThatIsNoMeasurementSetsTheFileAside() throws Exception {
        Path path = dir.resolve("efficiency.json");
        for (String bad : List.of("{\"stepW\": 3500, \"samples\": 0, \"powerW\": 3500, \"hashrateTh\": 200}",
                "{\"stepW\": 3500, \"samples\": 5, \"powerW\": -1, \"hashrateTh\": 200}",
                "{\"stepW\": 3500, \"samples\": 5, \"powerW\": 3500}")) {
            Files.writeString(path, "{\"version\": 1, \"miners\": [{\"index\": 0, \"model\": \"S21\", \"points\": ["
                    + bad + "]}]}");
            assertEquals(Map.of(), new EfficiencyFile(path).load(2000), bad);
            assertFalse(Files.exists(path), bad);
        }
    }
}
