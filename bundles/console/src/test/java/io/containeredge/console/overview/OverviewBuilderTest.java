package io.containeredge.console.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.cloud.api.CloudLink;
import io.containeredge.control.api.AiStatus;
import io.containeredge.console.history.HistorySeries;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.MinerCommand;
import io.containeredge.control.api.Verdict;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.modbus.value.Quality;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.FrequencyStatus;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.api.PeakStatus;
import io.containeredge.control.api.SiteLeaseStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One second's overview from the services' state, on the demo site. */
class OverviewBuilderTest {

    private static final long NOW = 1_000_000;

    private static SiteConfig demo() throws ConfigException {
        return SiteDocuments.loadBuiltIn("demo-container").config();
    }

    private static Snapshot snapshot() {
        return new Snapshot(NOW, List.of(
                PointValue.good("cdu", "supply_temp", 38.5, "degC", NOW),
                new PointValue("cdu", "return_temp", 44.0, "degC", Quality.STALE, NOW - 9000, "older than 3 polls"),
                PointValue.good("meter-main", "active_power", 1500.0, "kW", NOW),
                PointValue.good("battery", "m802.SoC", 61.0, "%", NOW),
                PointValue.good("battery", "m103.W", -50_000.0, "W", NOW),
                PointValue.good("battery", "m704.WSet", -48_000.0, "W", NOW)));
    }

    private static ControlStatus status(double maxMinerKw) {
        return status(maxMinerKw, 1800, -45);
    }

    private static ControlStatus status(double maxMinerKw, double allowedImportKw, double batterySetpointKw) {
        Verdict power = new Verdict("power", maxMinerKw, false, "import 1500 kW within import cap 2200 kW", List.of());
        return new ControlStatus(NOW - 100, "NORMAL", maxMinerKw, false, "power: import within cap", 1400, 1380,
                allowedImportKw, batterySetpointKw, 230, 240, 4, 50, 0, 2.0, List.of(Verdict.free("thermal"), power),
                List.of(), List.of());
    }

    private static CommandOutcome outcome(int miner, boolean ok, long at) {
        return new CommandOutcome(MinerCommand.sleep(miner), ok, ok ? "sleeping" : "timed out", at, 20);
    }

    @Test
    void readingsAreTakenAsTheGuardsTakeThemAndUntrustedOnesAreNotShown() throws ConfigException {
        Overview o = OverviewBuilder.build(new LiveInputs(NOW, status(1200), snapshot(), demo(), List.of(), List.of(),
                null, null, null)).overview();
        assertEquals("normal", o.state());
        assertEquals(1500.0, o.power().importKw());
        assertEquals(2200.0, o.power().importCapKw());
        assertEquals(2375.0, o.power().ratingKw(), 1e-9);
        assertEquals(2200.0, o.power().siteLimitKw());
        assertEquals(1200.0, o.power().maxMinerKw());
        assertEquals(38.5, o.cooling().supplyC());
        assertNull(o.cooling().returnC(), "a stale reading is not shown as a value");
        assertTrue(o.cooling().returnWhy().contains("stale"), o.cooling().returnWhy());
        assertEquals(45.0, o.cooling().tripC());
        assertEquals(new Overview.Battery(true, 61.0, -50.0, -48.0, -45.0), o.battery());
        assertEquals(2, o.guards().size());
        assertFalse(o.cloud().configured());
    }

    @Test
    void theImportAllowedAndTheBatterySetpointAreTheControllersAndNullWhereItHasNone() throws ConfigException {
        Overview curtailed = OverviewBuilder.build(new LiveInputs(NOW, status(1200, 1500, 250), snapshot(), demo(),
                List.of(), List.of(), null, null, null)).overview();
        assertEquals(1500.0, curtailed.power().allowedImportKw(), "the override in force, under the site's 2200 kW");
        assertEquals(2200.0, curtailed.power().siteLimitKw());
        assertEquals(250.0, curtailed.battery().commandedKw());
        assertEquals(-48.0, curtailed.battery().setpointKw(), "what the inverter reports stays beside it");

        Overview failSafe = OverviewBuilder.build(new LiveInputs(NOW, status(0, Double.NaN, Double.NaN), snapshot(),
                demo(), List.of(), List.of(), null, null, null)).overview();
        assertNull(failSafe.power().allowedImportKw());
        assertNull(failSafe.battery().commandedKw());
    }

    @Test
    void theSampleHasEverySeriesWithNaNWhereNotKnown() throws ConfigException {
        OverviewBuilder.Tick tick = OverviewBuilder.build(new LiveInputs(NOW, status(Double.POSITIVE_INFINITY),
                snapshot(), demo(), List.of(), List.of(), null, null, null));
        double[] s = tick.sample();
        assertEquals(1500, s[HistorySeries.IMPORT_KW.ordinal()]);
        assertEquals(1380, s[HistorySeries.MINER_KW.ordinal()]);
        assertTrue(Double.isNaN(s[HistorySeries.MAX_MINER_KW.ordinal()]), "no limit is no point");
        assertTrue(Double.isNaN(s[HistorySeries.RETURN_C.ordinal()]));
        assertEquals(-50, s[HistorySeries.BATTERY_KW.ordinal()]);
        assertNull(tick.overview().power().maxMinerKw(), "no limit is null on the wire");
        assertNull(tick.overview().series().get("return-c"));
        assertEquals(61.0, tick.overview().series().get("battery-soc"));
    }

    @Test
    void minersCountWhatIsKnownAndTheLatestCommandPerMinerDecides() throws ConfigException {
        List<CommandOutcome> commands = List.of(outcome(3, false, 1), outcome(4, false, 2), outcome(3, true, 3),
                outcome(9, false, 4));
        Overview o = OverviewBuilder.build(new LiveInputs(NOW, status(1200), snapshot(), demo(), List.of(), commands,
                null, null, null)).overview();
        assertEquals(new Overview.Miners(240, 230, 6, 4, 3, 2), o.miners());
    }

    @Test
    void withoutControllerSiteOrImageTheStateIsUnknownAndNothingIsMadeUp() {
        Overview o = OverviewBuilder.build(new LiveInputs(NOW, null, null, null, List.of(), List.of(),
                new CloudLink.Status(true, "ssl://broker:8883", 12, 0, 400), null, null)).overview();
        assertEquals("unknown", o.state());
        assertNull(o.power().importKw());
        assertNull(o.power().siteLimitKw());
        assertFalse(o.battery().present());
        assertNull(o.power().allowedImportKw());
        assertNull(o.battery().commandedKw());
        assertEquals(new Overview.Miners(0, 0, 0, 0, 0, 0), o.miners());
        assertEquals(new Overview.Cloud(true, true, "ssl://broker:8883", 12L, 0L), o.cloud());
        assertTrue(o.series().values().stream().allMatch(v -> v == null));
    }

    @Test
    void aiAgainstMiningAndEachTenantAreShownOnlyWhenTheSiteHasAnAiSection() throws ConfigException {
        AiStatus.Tenant capped = new AiStatus.Tenant("acme-ai", 10, 8, 140, 15.4, 15, 15, true,
                "band capped: miners' power worth more (150 > 140 USD/MWh)", false, 3.5, 40, 0, List.of());
        AiStatus.Tenant free = new AiStatus.Tenant("beta-hpc", 5, 2, 200, 4.1, 7, Double.POSITIVE_INFINITY, false,
                "floor + band granted", false, 0, 20, 0, List.of());
        Overview o = OverviewBuilder.build(new LiveInputs(NOW, status(1200), snapshot(), demo(), List.of(), List.of(),
                null, new AiStatus(NOW, 19.5, 1380, List.of(capped, free)), null)).overview();
        assertEquals(19.5, o.ai().aiKw());
        assertEquals(1380.0, o.ai().miningKw());
        assertEquals(new Overview.AiTenant("acme-ai", 10, 8, 15.0, 15.0, 15.4, true, false,
                "band capped: miners' power worth more (150 > 140 USD/MWh)"), o.ai().tenants().get(0));
        assertNull(o.ai().tenants().get(1).capKw(), "no cap in force is null on the wire");

        Overview without = OverviewBuilder.build(new LiveInputs(NOW, status(1200), snapshot(), demo(), List.of(),
                List.of(), null, null, null)).overview();
        assertNull(without.ai(), "no ai section: no AI figures at all");
    }

    @Test
    void theOverviewNamesWhatBindsTheFrequencyGuardThePeakAlertAndTheActiveEvents() throws ConfigException {
        GridEvent event = new GridEvent("mqtt:dr-7", "mqtt:ops/r-1", "Heat wave", NOW, Duration.ZERO, List.of(
                new EventInterval(NOW, NOW + 3_600_000, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW, 600))));
        GridStatus grid = new GridStatus(NOW, Optional.of(new FrequencyStatus("meter-main/frequency", Double.NaN,
                "BLIND", 59.7, 59.9, "no good reading", 0)), Optional.of(new PeakStatus(true, NOW + 60_000, false, 800,
                false, 0, "tom")), List.of(new GridEventStatus(event, GridEventStatus.State.ACTIVE, 600, "", "", null)),
                Optional.of("event Heat wave: import limit 600 kW"));
        Overview o = OverviewBuilder.build(new LiveInputs(NOW, status(1200), snapshot(), demo(), List.of(), List.of(),
                null, null, grid)).overview();
        assertEquals(new Overview.Grid("event Heat wave: import limit 600 kW", "BLIND", null, true,
                List.of("Heat wave")), o.grid());
        assertNull(OverviewBuilder.build(new LiveInputs(NOW, status(1200), snapshot(), demo(), List.of(), List.of(),
                null, null, null)).overview().grid(), "before the controller's first cycle");
    }

    @Test
    void theOverviewCarriesTheSiteLeaseWhenTheSiteHasOne() throws ConfigException {
        SiteLeaseStatus lease = new SiteLeaseStatus("FALLBACK", 700, 400, 400, 7, 42, NOW - 5_000, NOW - 35_000, null,
                true, "lease expired at 14:05:30: fallback share 400 kW");
        Overview o = OverviewBuilder.build(new LiveInputs(NOW, status(1200), snapshot(), demo(), List.of(), List.of(),
                null, null, null, lease)).overview();
        assertEquals(new Overview.SiteLease("FALLBACK", 700.0, 400, 400, NOW - 5_000, true,
                "lease expired at 14:05:30: fallback share 400 kW"), o.siteLease());
        SiteLeaseStatus none = new SiteLeaseStatus("NONE", Double.NaN, 400, 400, 0, -1, 0, 0, null, false,
                "no lease since start: fallback share 400 kW");
        Overview.SiteLease noLease = OverviewBuilder.build(new LiveInputs(NOW, status(1200), snapshot(), demo(),
                List.of(), List.of(), null, null, null, none)).overview().siteLease();
        assertNull(noLease.budgetKw(), "no budget known is null on the wire");
        assertNull(noLease.expiresAtMillis());
        assertNull(OverviewBuilder.build(new LiveInputs(NOW, status(1200), snapshot(), demo(), List.of(), List.of(),
                null, null, null)).overview().siteLease(), "a site without siteLease");
    }
}
