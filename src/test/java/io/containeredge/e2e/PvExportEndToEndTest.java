package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PV export limiter in the assembled gateway against the simulator over Modbus TCP: the demo's 400 kW plant
 * moved to where the sun stands overhead now (the simulator's sun follows the wall clock), 10 miners and the
 * auxiliaries drawing about 60 kW, and no export allowed ({@code planner.export.limitKw: 0}). The gateway must
 * cap the inverter over SunSpec 704 so that the main meter stops showing export, and say so.
 */
class PvExportEndToEndTest {

    static final int MINERS = 10;
    /** The meter's and the inverter's polls, the cycle after them, the inverter's next tick. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    @TempDir
    static Path work;
    static RunningContainer container;

    @BeforeAll
    static void start() throws Exception {
        int minersBase = RunningContainer.freeRange(MINERS);
        container = RunningContainer.start(work, site -> sunOverheadNow(
                RunningContainer.genericMiners(site, MINERS, minersBase)), minersBase);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (container != null) {
            container.close();
        }
    }

    /** The site with its 400 kW plant where the sun is (nearly) overhead at this hour, and no export allowed. */
    static String sunOverheadNow(String site) {
        long now = System.currentTimeMillis();
        double utcHours = (now % 86_400_000L) / 3_600_000.0;
        int dayOfYear = LocalDate.now(ZoneOffset.UTC).getDayOfYear();
        double latitude = 23.45 * Math.sin(Math.toRadians(360.0 / 365 * (284 + dayOfYear)));
        double longitude = (12 - utcHours) * 15;
        String edited = site.replace("export: {limitKw: 300,", "export: {limitKw: 0,");
        int simulation = edited.indexOf("\nsimulation:");
        String sim = edited.substring(simulation)
                .replaceFirst("(?m)^  pvRatedKw: .*$", "  pvRatedKw: 400")
                .replaceFirst("(?m)^  latitude: .*$", String.format(Locale.ROOT, "  latitude: %.2f", latitude))
                .replaceFirst("(?m)^  longitude: .*$", String.format(Locale.ROOT, "  longitude: %.2f", longitude));
        if (edited.equals(site) || !sim.contains("pvRatedKw: 400")) {
            throw new IllegalStateException("the demo site's export limit or PV plant was not found to edit");
        }
        return edited.substring(0, simulation) + sim;
    }

    static double kw(String device, String point, double scale) throws Exception {
        return container.api.point(device, point).get("value").asDouble() * scale;
    }

    @Test
    void thePlantIsCappedSoThatTheSiteStopsExporting() throws Exception {
        GatewayApi api = container.api;
        Eventually.within(Duration.ofSeconds(90), () -> {
            assertTrue(api.get("/api/v1/control/alarms").get("active").toString()
                    .contains("power.pv-export-limited"), "the cap is shown");
            assertTrue(kw("pv", "m704.WMaxLimPctEna", 1) == 1
                    || "enabled".equals(api.point("pv", "m704.WMaxLimPctEna").get("value").asText()),
                    "the inverter reads its limit enabled");
            assertTrue(kw("pv", "m103.W", 1e-3) < 350, "the plant makes less than the sun gives: "
                    + kw("pv", "m103.W", 1e-3) + " kW");
        });
        Thread.sleep(SETTLE.toMillis());
        int exporting = 0;
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            double importKw = kw("meter-main", "active_power", 1);
            seen.append(Math.round(importKw)).append(' ');
            exporting += importKw < -10 ? 1 : 0;
            Thread.sleep(1000);
        }
        // a battery setpoint step can show as one meter read of export before the next cycle takes it off
        assertTrue(exporting <= 1, "import kW once a second, no export allowed: " + seen);
        System.out.printf("PV capped at %.0f kW; import kW once a second: %s%n", kw("pv", "m103.W", 1e-3), seen);
    }
}
