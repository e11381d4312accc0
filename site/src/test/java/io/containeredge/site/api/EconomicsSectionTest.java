package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.EconomicsSettings.TouPeriod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optional {@code economics} section: absent it is off, present it is read with defaults, refused with paths. */
class EconomicsSectionTest {

    @TempDir
    Path dir;

    private SiteConfig load(String economics) throws IOException, ConfigException {
        Files.writeString(dir.resolve("site.yaml"), SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45)
                + economics);
        return SiteDocuments.load(dir).config();
    }

    private List<ConfigError> errors(String economics) throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45)
                + economics);
        return SiteDocuments.check(dir).errors();
    }

    @Test
    void aSiteWithoutTheSectionHasNoEconomics() throws Exception {
        assertEquals(Optional.empty(), load("").economics());
    }

    @Test
    void theSectionIsReadWithItsDefaults() throws Exception {
        EconomicsSettings e = load("""
                economics:
                  tariff: {baseUsdPerMwh: 45, timeZone: America/Chicago}
                  hashprice: {usdPerThDay: 0.035}
                """).economics().orElseThrow();
        assertEquals(ZoneId.of("America/Chicago"), e.tariff().zone());
        assertEquals(45, e.tariff().baseUsdPerMwh());
        assertEquals(List.of(), e.tariff().periods());
        assertEquals(0, e.tariff().demandChargeUsdPerKwMonth());
        assertEquals(Optional.empty(), e.tariff().contract());
        assertEquals(new EconomicsSettings.Hashprice(0.035, 0, Duration.ofHours(24)), e.hashprice());
        assertEquals(Duration.ofMinutes(15), e.holdTime());
        assertEquals(Duration.ofMinutes(10), e.minDwell());
        assertEquals(4, e.maxStateChangesPerHour());
        assertEquals(new EconomicsSettings.Efficiency(20, 0.10, Duration.ofMinutes(30), 0.15), e.efficiency());
        assertEquals(Optional.empty(), e.priceFile());
    }

    @Test
    void everyFieldIsRead() throws Exception {
        EconomicsSettings e = load("""
                economics:
                  tariff:
                    timeZone: Europe/Berlin
                    baseUsdPerMwh: -5
                    periods:
                      - {name: peak, days: [mon, fri], from: "14:00", to: "24:00", usdPerMwh: 250}
                      - {name: night, from: "00:00", to: "06:00", usdPerMwh: 20}
                    demandChargeUsdPerKwMonth: 12.5
                    contract: {usdPerMwh: 40, resale: true}
                  hashprice: {usdPerThDay: 0.05, poolFee: 0.02, validity: 6h}
                  holdTime: 0s
                  minDwell: 2h
                  maxStateChangesPerHour: 60
                  efficiency: {minSamples: 5, underperformerMarginPct: 8, underperformerTime: 2h, outlierMarginPct: 25}
                  priceFile: prices/live.json
                """).economics().orElseThrow();
        assertEquals(List.of(new TouPeriod("peak", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 14 * 60, 24 * 60,
                250), new TouPeriod("night", EnumSet.allOf(DayOfWeek.class), 0, 6 * 60, 20)), e.tariff().periods());
        assertEquals(Optional.of(new EconomicsSettings.Contract(40, true)), e.tariff().contract());
        assertEquals(12.5, e.tariff().demandChargeUsdPerKwMonth());
        assertEquals(new EconomicsSettings.Hashprice(0.05, 0.02, Duration.ofHours(6)), e.hashprice());
        assertEquals(Duration.ZERO, e.holdTime());
        assertEquals(Duration.ofHours(2), e.minDwell());
        assertEquals(60, e.maxStateChangesPerHour());
        assertEquals(new EconomicsSettings.Efficiency(5, 0.08, Duration.ofHours(2), 0.25), e.efficiency());
        assertEquals(Optional.of("prices/live.json"), e.priceFile());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tariff: {baseUsdPerMwh: 45, timeZone: Mars/Olympus}  | $.economics.tariff.timeZone         | unknown time zone",
        "tariff: {baseUsdPerMwh: 45, periods: [{name: p, from: \"18:00\", to: \"06:00\", usdPerMwh: 9}]} "
                + "| $.economics.tariff.periods[0].to | is not after 18:00",
        "tariff: {baseUsdPerMwh: 45, periods: [{name: a, from: \"08:00\", to: \"12:00\", usdPerMwh: 9}, "
                + "{name: b, days: [sun], from: \"11:00\", to: \"13:00\", usdPerMwh: 9}]} "
                + "| $.economics.tariff.periods[1] | overlaps period 'a'",
        "tariff: {baseUsdPerMwh: 45}, holdTime: 3h          | $.economics.holdTime               | 180m is outside 0s .. 120m",
        "tariff: {baseUsdPerMwh: 45}, minDwell: 121m        | $.economics.minDwell               | outside 0s .. 120m",
        "tariff: {baseUsdPerMwh: 45}, hashprice: {usdPerThDay: 0.03, validity: 5m} "
                + "| $.economics.hashprice.validity | 5m is outside 10m .. 10080m",
        "tariff: {baseUsdPerMwh: 45}, maxStateChangesPerHour: 0 | $.economics.maxStateChangesPerHour | ",
        "tariff: {baseUsdPerMwh: 45}, hashprice: {usdPerThDay: 0.03, poolFee: 0.6} | $.economics.hashprice.poolFee | ",
        "tariff: {baseUsdPerMwh: 45}, hashprice: {usdPerThDay: 0} | $.economics.hashprice.usdPerThDay | ",
        "tariff: {baseUsdPerMwh: 45, periods: [{name: p, from: \"25:00\", to: \"26:00\", usdPerMwh: 9}]} "
                + "| $.economics.tariff.periods[0].from | ",
        "tariff: {}                                          | $.economics.tariff                 | baseUsdPerMwh",
        "tariff: {baseUsdPerMwh: 45}, efficiency: {underperformerTime: 5s} "
                + "| $.economics.efficiency.underperformerTime | 5s is outside",
        "tariff: {baseUsdPerMwh: 45}, efficiency: {underperformerMarginPct: 0} "
                + "| $.economics.efficiency.underperformerMarginPct | ",
        "tariff: {baseUsdPerMwh: 45}, efficiency: {minSamples: 0} | $.economics.efficiency.minSamples | ",
        "tariff: {baseUsdPerMwh: 45}, priceFile: \"  \"       | $.economics.priceFile              | ",
    })
    void aBadSettingIsRefusedWithItsPath(String economics, String path, String reasonPart) throws IOException {
        String section = economics.contains("hashprice") ? economics : economics + ", hashprice: {usdPerThDay: 0.03}";
        List<ConfigError> errors = errors("economics: {" + section + "}\n");
        String part = reasonPart == null ? "" : reasonPart;
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path) && e.reason().contains(part)),
                () -> "expected " + path + " (" + part + ") in " + errors);
    }

    @Test
    void aRefusedSectionRefusesTheSite() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), SiteDocumentsTest.minimalSite("power-meter-float32", 40, 45)
                + "economics: {tariff: {baseUsdPerMwh: 45}}\n");
        List<ConfigError> errors = assertThrows(ConfigException.class, () -> SiteDocuments.load(dir)).errors();
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.economics") && e.reason().contains("hashprice")),
                errors::toString);
    }
}
