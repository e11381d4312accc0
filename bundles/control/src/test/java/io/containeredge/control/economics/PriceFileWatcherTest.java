package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.EconomicsStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local price file goes the way of a {@code price.update}, through the same checks ({@link EconomicUpdates}):
 * a good version is taken, a bad one refused with an alarm and nothing changed, an unchanged one not taken again.
 */
class PriceFileWatcherTest {

    static final long WALL = EconomicLimitTest.WALL;
    static final long SLOT = Duration.ofMinutes(15).toMillis();

    @TempDir
    Path dir;

    private final EconomicInputs inputs = Units.inputs(Units.settings(30, Duration.ZERO, Duration.ZERO, 4));
    private final EconomicUpdates updates = new EconomicUpdates(Optional.of(inputs));
    private final List<String> sources = new ArrayList<>();
    private Path file;
    private PriceFileWatcher watcher;
    private long version = WALL;

    private void watch() {
        file = dir.resolve("prices.json");
        watcher = new PriceFileWatcher(file, (slots, source) -> {
            updates.prices(slots, WALL);
            sources.add(source);
        }, inputs, () -> WALL);
    }

    /** A new version of the file, with a modification time of its own. */
    private void write(String json) throws IOException {
        Files.writeString(file, json);
        version += 1000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(version));
    }

    private static String slots(long... startsAndPrices) {
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < startsAndPrices.length; i += 2) {
            slots.add("{\"start\": " + startsAndPrices[i] + ", \"minutes\": 15, \"usdPerMwh\": " + startsAndPrices[i + 1]
                    + "}");
        }
        return "{\"slots\": [" + String.join(", ", slots) + "]}";
    }

    private EconomicsStatus.PriceFile seen() {
        return inputs.priceFile().orElseThrow();
    }

    @Test
    void aGoodFileIsTakenAsAPriceUpdateAndAnUnchangedOneNotAgain() throws IOException {
        watch();
        watcher.check();
        assertEquals(new EconomicsStatus.PriceFile(file.toString(), 0, 0, null), seen(), "not written yet: nothing");
        write(slots(WALL, 112, WALL + SLOT, 95));
        watcher.check();
        assertEquals(List.of("file:" + file), sources);
        assertEquals(112, inputs.energyPrice(WALL).usdPerMwh());
        assertEquals(95, inputs.energyPrice(WALL + SLOT).usdPerMwh());
        assertEquals(new EconomicsStatus.PriceFile(file.toString(), WALL, 2, null), seen());

        watcher.check();
        assertEquals(1, sources.size(), "an unchanged file is not taken again");
    }

    @Test
    void aRefusedFileChangesNothingRaisesAnAlarmUntilAGoodOneComes() throws IOException {
        watch();
        write(slots(WALL, 112));
        watcher.check();
        PriceSlots taken = inputs.prices();

        // slot 1 starts 30 min after slot 0: a hole, refused by the checks of every price feed
        write(slots(WALL, 300, WALL + 2 * SLOT, 300));
        watcher.check();
        assertSame(taken, inputs.prices(), "the prices taken before stay in force");
        assertEquals(112, inputs.energyPrice(WALL).usdPerMwh());
        EconomicsStatus.PriceFile refused = seen();
        assertTrue(refused.problem().contains("slot 1"), refused.problem());
        assertEquals(WALL, refused.appliedMillis());
        assertEquals(1, refused.slots(), "the version in force");
        AlarmCondition alarm = inputs.priceFileAlarm().orElseThrow();
        assertEquals("economics.price-file", alarm.id());
        assertEquals(AlarmCondition.Severity.WARNING, alarm.severity());
        assertTrue(alarm.message().contains("refused: " + refused.problem()), alarm.message());

        write("{\"slots\": [{\"start\": " + WALL + ", \"minutes\": 15, \"usdPerMwh\": \"dear\"}]}");
        watcher.check();
        assertEquals("slots[0].usdPerMwh must be a number", seen().problem());
        write("not json");
        watcher.check();
        assertTrue(seen().problem().startsWith("not JSON"), seen().problem());
        assertSame(taken, inputs.prices());

        write(slots(WALL, 80));
        watcher.check();
        assertNull(seen().problem());
        assertEquals(Optional.empty(), inputs.priceFileAlarm());
        assertEquals(80, inputs.energyPrice(WALL).usdPerMwh());
    }

    @Test
    void aRefusedVersionIsNotTriedAgainUntilItChanges() throws IOException {
        watch();
        write("{\"slots\": [], \"extra\": 1}");
        watcher.check();
        String problem = seen().problem();
        assertTrue(problem.startsWith("must be one object"), problem);
        watcher.check();
        assertEquals(List.of(), sources);
        assertSame(PriceSlots.NONE, inputs.prices());
    }
}
