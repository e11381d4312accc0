package io.containeredge.simulator.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.PvPlantSettings;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.DemoSites;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PV plant: the sun's curve, the cloud fault, and the import meter that sees the load less the plant. */
class PvPlantTest {

    static final double LAT = PvPlantSettings.DEFAULT_LATITUDE_DEG;
    static final double LON = PvPlantSettings.DEFAULT_LONGITUDE_DEG;
    static final long MINUTE = 60_000;
    /** Solar noon at longitude -102.1: 12:00 + 102.1 / 15 h = 18:48 UTC. */
    static final long TEXAS_NOON = Instant.parse("2026-06-21T18:48:00Z").toEpochMilli();

    @TempDir
    Path dir;
    private Simulator sim;

    @AfterEach
    void tearDown() {
        if (sim != null) {
            sim.close();
        }
    }

    private static long at(String utc) {
        return Instant.parse(utc).toEpochMilli();
    }

    /** The highest clear-sky output over the UTC day starting at {@code dayUtc}, and the minute it comes. */
    private static double[] peak(double latitude, String dayUtc) {
        long day = at(dayUtc);
        double best = -1;
        long when = 0;
        for (long t = day; t < day + 1440 * MINUTE; t += MINUTE) {
            double kw = PvPlant.clearSkyKw(400, latitude, LON, t);
            if (kw > best) {
                best = kw;
                when = t;
            }
        }
        return new double[] {best, when};
    }

    @Test
    void thePlantGivesNothingAtNight() {
        for (long t = at("2026-06-21T04:00:00Z"); t <= at("2026-06-21T10:00:00Z"); t += 10 * MINUTE) {
            assertEquals(0, PvPlant.clearSkyKw(400, LAT, LON, t), "02:00 to 04:00 ... local: " + Instant.ofEpochMilli(t));
        }
        assertTrue(PvPlant.clearSkyKw(400, LAT, LON, TEXAS_NOON) > 350, "but much at noon");
    }

    @Test
    void theOutputPeaksAtSolarNoonNearTheRating() {
        double[] equinox = peak(LAT, "2026-03-20T00:00:00Z");
        long noon = at("2026-03-20T18:48:00Z");
        assertEquals(noon, equinox[1], 10 * MINUTE, "peak at " + Instant.ofEpochMilli((long) equinox[1]));
        // sin(elevation) = cos(31.9 deg) at the equinox's noon: 400 * 0.849^1.2 = 328 kW
        assertEquals(328, equinox[0], 5);
        assertEquals(400, peak(0, "2026-03-20T00:00:00Z")[0], 2, "the sun overhead at the equator");
    }

    @Test
    void aHigherLatitudeHasALowerWinterPeak() {
        double texas = peak(LAT, "2026-12-21T00:00:00Z")[0];
        double north = peak(52, "2026-12-21T00:00:00Z")[0];
        assertTrue(texas > 200 && north < 100 && north > 10, "Texas " + texas + " kW, 52 N " + north + " kW");
        assertTrue(peak(LAT, "2026-06-21T00:00:00Z")[0] > texas + 100, "summer over winter");
    }

    @Test
    void aCloudCutsTheOutputByItsFractionUntilClearedOrItsTimeIsOver() throws Exception {
        sim = Simulator.start(DemoSites.withoutAi(), SimulatorOptions.forTests()
                .withServeMiners(false).withEpochStartMillis(TEXAS_NOON));
        PvPlant pv = sim.model().pv();
        sim.advance(Duration.ofSeconds(5));
        double clear = pv.kw();
        double clearSky = PvPlant.clearSkyKw(400, LAT, LON, sim.model().epochMillis());
        assertTrue(clear <= clearSky && clear >= clearSky * PvPlant.HAZE_MIN, clear + " kW under " + clearSky);

        sim.inject("cloud 0.6");
        sim.advance(Duration.ofSeconds(1));
        assertEquals(clear * 0.4, pv.kw(), clear * 0.02, "60 % cut");
        sim.advance(Duration.ofMinutes(10));
        assertEquals(0.6, pv.cloudFraction(), "a cloud without a time stays");
        sim.inject("clear");
        sim.advance(Duration.ofSeconds(1));
        assertEquals(clear, pv.kw(), clear * 0.04, "clear restores it");

        sim.inject("cloud 1 30");
        sim.advance(Duration.ofSeconds(29));
        assertEquals(0, pv.kw());
        sim.advance(Duration.ofSeconds(2));
        assertEquals(clear, pv.kw(), clear * 0.04, "the cloud has passed");
    }

    @Test
    void theImportMeterReadsTheLoadLessThePlant() throws Exception {
        sim = Simulator.start(DemoSites.withoutAi(), SimulatorOptions.forTests()
                .withServeMiners(false).withEpochStartMillis(TEXAS_NOON));
        ContainerModel m = sim.model();
        sim.advance(Duration.ofSeconds(5));
        double load = m.minersKw() + m.auxiliaryKw() - m.battery().powerKw();
        assertTrue(m.pv().kw() > 350, "noon in June: " + m.pv().kw());
        assertEquals(load - m.pv().kw(), m.totalKw(), 0.01);
        assertEquals(m.totalKw(), sim.image("meter-main").number("active_power"), 2);
        sim.inject("cloud 1");
        sim.advance(Duration.ofSeconds(1));
        assertEquals(m.minersKw() + m.auxiliaryKw() - m.battery().powerKw(), m.totalKw(), 0.01, "no sun, the load");
    }

    /** The demo with a 3 MW plant, at noon, its import meter of {@code meterProfile}. */
    private ContainerModel startExporting(String meterProfile) throws Exception {
        String demo = new String(SiteDocuments.class.getResourceAsStream("/firmware-config/sites/demo-container.yaml")
                .readAllBytes());
        Files.writeString(dir.resolve("site.yaml"), DemoSites.withoutAi(demo)
                .replace("pvRatedKw: 400", "pvRatedKw: 3000")
                .replace("profile: power-meter-float32", "profile: " + meterProfile)
                // the under-frequency guard's point as the meter's profile names it (SunSpec: m203.Hz)
                .replace("point: meter-main/frequency", "point: meter-main/"
                        + (meterProfile.startsWith("sunspec-meter-") ? "m" + meterProfile.substring(14) + ".Hz"
                        : "frequency")));
        sim = Simulator.start(SiteDocuments.load(dir), SimulatorOptions.forTests().withServeMiners(false)
                .withEpochStartMillis(TEXAS_NOON));
        return sim.model();
    }

    @Test
    void aPlantLargerThanTheLoadExportsThroughTheFloatMeter() throws Exception {
        ContainerModel m = startExporting("power-meter-float32");
        sim.advance(Duration.ofSeconds(5));
        var meter = sim.image("meter-main");
        double exportKwh = meter.number("energy_export");
        sim.advance(Duration.ofMinutes(1));
        assertTrue(m.totalKw() < -1500, "exporting: " + m.totalKw());
        assertEquals(m.totalKw(), meter.number("active_power"), Math.abs(m.totalKw()) * 0.01);
        assertEquals(-m.totalKw() / 60, meter.number("energy_export") - exportKwh, 1, "a minute's export counted");
    }

    @Test
    void aPlantLargerThanTheLoadExportsThroughASunSpecMeter() throws Exception {
        ContainerModel m = startExporting("sunspec-meter-203");
        sim.advance(Duration.ofSeconds(5));
        double exportKwh = m.mainFeed().exportKwh();
        sim.advance(Duration.ofMinutes(1));
        assertTrue(m.totalKw() < -1500, "exporting: " + m.totalKw());
        var meter = sim.image("meter-main");
        assertEquals(m.totalKw() * 1000, meter.number("m203.W"), Math.abs(m.totalKw()) * 10);
        assertTrue(meter.number("m203.WphA") < 0, "each phase exports");
        assertEquals(m.mainFeed().apparentKva() * 1000 / 3, meter.number("m203.VAphA"), m.mainFeed().apparentKva() * 20,
                "apparent power stays positive and shared by the phases");
        assertEquals(-m.totalKw() / 60, m.mainFeed().exportKwh() - exportKwh, 1, "a minute's export counted");
        assertTrue(meter.number("m203.TotWhExp") > exportKwh * 1000);
    }
}
