package io.containeredge.modbus.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessImageTest {

    private static final long HOUR = 3_600_000;
    private static final long WALL = 1_800_000_000_000L;

    /** The virtual monotonic clock values are aged on; the wall clock is what {@link #snapshot} passes. */
    private long monotonic;
    private final ProcessImage image = new ProcessImage(() -> monotonic);

    /** A snapshot with both clocks at {@code millis}, as long as nobody steps the wall clock. */
    private Snapshot snapshot(long millis) {
        monotonic = millis;
        return image.snapshot(millis);
    }

    private void readAt(long millis, PointValue... values) {
        monotonic = millis;
        image.update(List.of(values));
    }

    @Test
    void goodAndInvalidReadingsBothTurnStaleOnceNothingWasReadForMaxAge() {
        image.declare("meter", "w", "W", 1000);
        image.declare("meter", "var", "var", 1000);
        readAt(10_000, PointValue.good("meter", "w", 5.0, "W", 10_000),
                PointValue.invalid("meter", "var", "var", 10_000, "not implemented"));

        assertEquals(Quality.GOOD, snapshot(10_900).get("meter", "w").quality());
        assertEquals(Quality.INVALID, snapshot(10_900).get("meter", "var").quality());
        assertEquals(Quality.STALE, snapshot(11_500).get("meter", "w").quality());
        assertEquals(Quality.STALE, snapshot(11_500).get("meter", "var").quality(),
                "an old invalid reading says nothing about the device answering now");
    }

    @Test
    void aPointNeverReadStaysMissing() {
        image.declare("meter", "w", "W", 1000);
        assertEquals(Quality.MISSING, snapshot(1_000_000).get("meter", "w").quality());
    }

    /** A supply temperature with a max age of 1 s, read at monotonic 10 000 ms, stamped {@link #WALL}. */
    private void supplyRead() {
        image.declare("cdu", "supply_temp", "degC", 1000);
        readAt(10_000, PointValue.good("cdu", "supply_temp", 38.0, "degC", WALL));
    }

    @Test
    void aWallClockSteppedBackDoesNotKeepASilentDeviceFresh() {
        supplyRead();
        long wall = WALL;

        // an hour back on the wall clock, 1.5 s later on the monotonic one: the value is 1.5 s old
        monotonic = 11_500;
        Snapshot s = image.snapshot(wall - HOUR + 1_500);
        assertEquals(Quality.STALE, s.get("cdu", "supply_temp").quality());
        assertEquals(wall - HOUR + 1_500, s.takenMillis(), "the snapshot keeps the wall-clock time people read");
    }

    @Test
    void aWallClockSteppedForwardDoesNotMakeAFreshValueStale() {
        supplyRead();
        long wall = WALL;

        monotonic = 10_500;
        assertEquals(Quality.GOOD, image.snapshot(wall + HOUR).get("cdu", "supply_temp").quality());
        monotonic = 11_001;
        assertEquals(Quality.STALE, image.snapshot(wall + HOUR + 501).get("cdu", "supply_temp").quality());
    }
}
