package io.containeredge.control.estop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.AlarmCondition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The latch file: what it restores, and that nothing it cannot read is taken as "no latch". */
class LatchFileTest {

    @TempDir
    Path dir;

    @Test
    void aFirstStartHasNoLatchAndWhatIsKeptIsRestored() {
        LatchFile file = new LatchFile(dir.resolve("latches.json"));
        assertEquals(Latches.NONE, file.load());
        Latches tripped = new Latches("pump stopped (cdu/pump_state)", true);
        file.keep(tripped);
        assertEquals(tripped, new LatchFile(dir.resolve("latches.json")).load());
        file.keep(Latches.NONE);
        assertEquals(Latches.NONE, new LatchFile(dir.resolve("latches.json")).load());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "{}", "{\"thermalTrip\": null}", "{\"thermalTrip\": \"pu", "\u0000\u0000"})
    void aFileThatCannotBeReadCountsAsEveryLatchSet(String content) throws Exception {
        Files.writeString(dir.resolve("latches.json"), content);
        Latches restored = new LatchFile(dir.resolve("latches.json")).load();
        assertNotNull(restored.thermalTrip(), "tripped");
        assertTrue(restored.thermalTrip().contains("latches.json unreadable"), restored.thermalTrip());
        assertTrue(restored.emergencyStop());
    }

    @Test
    void aLatchThatCannotBeSavedIsAlarmedAndSavedOnceItCanBe() throws Exception {
        Path missingDir = dir.resolve("gone");
        LatchFile file = new LatchFile(missingDir.resolve("latches.json"));
        assertEquals(Latches.NONE, file.load());
        Latches tripped = new Latches("leak (io/leak)", false);
        file.keep(tripped);
        assertEquals(LatchFile.UNSAVED_ALARM, file.alarms().get(0).id());
        assertEquals(AlarmCondition.Severity.CRITICAL, file.alarms().get(0).severity());

        Files.createDirectories(missingDir);
        file.keep(tripped);
        assertEquals(0, file.alarms().size());
        assertEquals(tripped, new LatchFile(missingDir.resolve("latches.json")).load());
    }
}
