package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.PlannerSettings.Derating;
import io.containeredge.site.api.PlannerSettings.Export;
import io.containeredge.site.api.PlannerSettings.ExportPrice;
import io.containeredge.site.api.PlannerSettings.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code planner} section: read with defaults, refused with paths where the plan could not work. */
class PlannerSectionTest {

    private static final String ECONOMICS = """
            economics:
              tariff: {baseUsdPerMwh: 45}
              hashprice: {usdPerThDay: 0.035}
            """;

    @TempDir
    Path dir;

    /** The loader tests' minimal site, with a battery inverter or without. */
    private static String site(boolean battery) {
        String minimal = SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45);
        return battery ? minimal.replace("limits:\n", "  - {id: bess, role: battery, profile: sunspec-battery-inverter,"
                + " connection: gw, unitId: 1}\nlimits:\n") : minimal;
    }

    private SiteConfig load(String text) throws Exception {
        return SiteTexts.load(dir, text);
    }

    private List<ConfigError> errors(String text) throws IOException {
        return SiteTexts.errors(dir, text);
    }

    @Test
    void aSiteWithoutTheSectionHasNoPlanner() throws Exception {
        assertEquals(Optional.empty(), load(site(true) + ECONOMICS).planner());
    }

    @Test
    void theSectionIsReadWithItsDefaults() throws Exception {
        PlannerSettings p = load(site(true) + ECONOMICS + """
                planner:
                  battery: {capacityKwh: 500, maxChargeKw: 250, maxDischargeKw: 200}
                """).planner().orElseThrow();
        assertEquals(Optional.of(new Storage(500, 10, 95, 250, 200, 0.9, 20)), p.battery());
        assertEquals(Export.NONE, p.export());
        assertEquals(0, p.pvRatedKw());
        assertEquals(Optional.empty(), p.forecastFile());
        assertEquals(Duration.ofMinutes(5), p.replanEvery());
        assertEquals(Duration.ofSeconds(5), p.solveTimeLimit());
        assertEquals(50, p.forecastErrorKw());
        assertEquals(Derating.DEFAULT, p.derating());
    }

    @Test
    void everyFieldIsRead() throws Exception {
        PlannerSettings p = load(site(true) + ECONOMICS + """
                planner:
                  battery: {capacityKwh: 1000, minSocPct: 25, maxSocPct: 90, maxChargeKw: 400, maxDischargeKw: 500,
                            roundTripEfficiency: 0.88, wearUsdPerMwh: 35}
                  export: {limitKw: 300, price: fixed, usdPerMwh: 28}
                  pvRatedKw: 400
                  forecastFile: pv-forecast.json
                  firmLoadKw: 40
                  replanEvery: 10m
                  solveTimeLimit: 800ms
                  forecastErrorKw: 75
                  transformerDerating: {aboveC: 25, pctPerC: 1.5}
                """).planner().orElseThrow();
        assertEquals(Optional.of(new Storage(1000, 25, 90, 400, 500, 0.88, 35)), p.battery());
        assertEquals(new Export(300, ExportPrice.FIXED, 28), p.export());
        assertEquals(400, p.pvRatedKw());
        assertEquals(Optional.of("pv-forecast.json"), p.forecastFile());
        assertEquals(40, p.firmLoadKw());
        assertEquals(Duration.ofMinutes(10), p.replanEvery());
        assertEquals(Duration.ofMillis(800), p.solveTimeLimit());
        assertEquals(75, p.forecastErrorKw());
        assertEquals(new Derating(25, 1.5), p.derating());
    }

    @Test
    void aPlanWithoutEconomicsIsRefused() throws Exception {
        List<ConfigError> e = errors(site(false) + "planner: {pvRatedKw: 100}\n");
        assertTrue(e.stream().anyMatch(x -> x.path().equals("$.planner") && x.reason().contains("economics")), e::toString);
    }

    @Test
    void aBatterySectionNeedsABatteryDevice() throws Exception {
        List<ConfigError> e = errors(site(false) + ECONOMICS + """
                planner:
                  battery: {capacityKwh: 500, maxChargeKw: 250, maxDischargeKw: 250}
                """);
        assertTrue(e.stream().anyMatch(x -> x.path().equals("$.planner.battery") && x.reason().contains("has 0")),
                e::toString);
    }

    @Test
    void anEmptyWindowAFixedPriceWithoutItsPriceAndDurationsOutOfRangeAreRefused() throws Exception {
        List<ConfigError> e = errors(site(true) + ECONOMICS + """
                planner:
                  battery: {capacityKwh: 500, minSocPct: 60, maxSocPct: 50, maxChargeKw: 250, maxDischargeKw: 250}
                  export: {limitKw: 100, price: fixed}
                  replanEvery: 10s
                  solveTimeLimit: 60s
                """);
        List<String> paths = e.stream().map(ConfigError::path).toList();
        assertTrue(paths.containsAll(List.of("$.planner.battery.maxSocPct", "$.planner.export.usdPerMwh",
                "$.planner.replanEvery", "$.planner.solveTimeLimit")), e::toString);
    }

    @Test
    void aWindowEndingAtTheGuardsReserveIsRefused() throws Exception {
        List<ConfigError> e = errors(site(true) + ECONOMICS + """
                planner:
                  battery: {capacityKwh: 500, minSocPct: 5, maxSocPct: 20, maxChargeKw: 250, maxDischargeKw: 250}
                """);
        assertTrue(e.stream().anyMatch(x -> x.path().equals("$.planner.battery.maxSocPct")
                && x.reason().contains("reserve")), e::toString);
    }

    @Test
    void theSchemaRefusesAnUnknownFieldAndAnEfficiencyOutOfRange() throws Exception {
        List<ConfigError> e = errors(site(true) + ECONOMICS + """
                planner:
                  battery: {capacityKwh: 500, maxChargeKw: 250, maxDischargeKw: 250, roundTripEfficiency: 1.4}
                  solar: 5
                """);
        assertTrue(e.size() >= 2, e::toString);
    }

    @Test
    void deratingTakesAPercentPerDegreeAboveItsThresholdAndTheFullRatingWhenUnknown() {
        Derating d = new Derating(30, 1);
        assertEquals(1, d.factorAt(25));
        assertEquals(0.9, d.factorAt(40), 1e-9);
        assertEquals(1, d.factorAt(Double.NaN));
    }
}
