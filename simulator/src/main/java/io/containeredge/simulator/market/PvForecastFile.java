package io.containeredge.simulator.market;

import io.containeredge.simulator.physics.PvPlant;
import io.containeredge.site.api.PvPlantSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's generation forecast: for the 48 hours of 15-minute slots from the quarter hour covering now,
 * {@code {"slots": [{"start": epoch ms, "minutes": 15, "pvKw": 123.4, "ambientC": 25.0}, ...]}}. The PV figure is
 * the plant's clear-sky output ({@link PvPlant#clearSkyKw}) at each slot's middle: the forecast knows the sun, not
 * the clouds the simulator is told to inject, which is what makes a forecast error in the demo. The ambient is the
 * site's simulated ambient, flat. Pure.
 */
public final class PvForecastFile {

    public static final Duration SLOT = Duration.ofMinutes(15);
    public static final int SLOTS = 192;

    private final PvPlantSettings plant;
    private final double ambientC;

    public PvForecastFile(PvPlantSettings plant, double ambientC) {
        this.plant = plant;
        this.ambientC = ambientC;
    }

    /** The forecast's text at {@code wallMillis}. */
    public String fileAt(long wallMillis) {
        long slot = SLOT.toMillis();
        long first = wallMillis - Math.floorMod(wallMillis, slot);
        List<String> slots = new ArrayList<>(SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            long t = first + i * slot;
            double kw = PvPlant.clearSkyKw(plant.ratedKw(), plant.latitudeDeg(), plant.longitudeDeg(), t + slot / 2);
            slots.add(String.format(Locale.ROOT, "{\"start\": %d, \"minutes\": %d, \"pvKw\": %.1f, \"ambientC\": %.1f}",
                    t, SLOT.toMinutes(), kw, ambientC));
        }
        return SlotsDocument.of(slots);
    }
}
