package io.containeredge.modbus.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessImageTest {

    private final ProcessImage image = new ProcessImage();

    @Test
    void goodAndInvalidReadingsBothTurnStaleOnceNothingWasReadForMaxAge() {
        image.declare("meter", "w", "W", 1000);
        image.declare("meter", "var", "var", 1000);
        image.update(List.of(PointValue.good("meter", "w", 5.0, "W", 10_000),
                PointValue.invalid("meter", "var", "var", 10_000, "not implemented")));

        assertEquals(Quality.GOOD, image.snapshot(10_900).get("meter", "w").quality());
        assertEquals(Quality.INVALID, image.snapshot(10_900).get("meter", "var").quality());
        assertEquals(Quality.STALE, image.snapshot(11_500).get("meter", "w").quality());
        assertEquals(Quality.STALE, image.snapshot(11_500).get("meter", "var").quality(),
                "an old invalid reading says nothing about the device answering now");
    }

    @Test
    void aPointNeverReadStaysMissing() {
        image.declare("meter", "w", "W", 1000);
        assertEquals(Quality.MISSING, image.snapshot(1_000_000).get("meter", "w").quality());
    }
}
