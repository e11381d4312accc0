package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteDocuments;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Economics prices the miners whose model the site names, at the power the allocator counts them at. */
class SiteUnitModelsTest {

    @Test
    void everyMinerOfAMixedFleetIsPricedByItsGroupsModel() throws Exception {
        SiteConfig site = SiteDocuments.loadBuiltIn("mixed-container").config();
        Map<Integer, UnitModel> units = SiteUnitModels.of(site);
        assertEquals(site.miners().count(), units.size());
        UnitModel s19 = units.get(0);
        UnitModel s21 = units.get(100);
        UnitModel m56 = units.get(239);
        assertEquals(site.miners().ratedPowerWOf(0), s19.topW(), 1e-9);
        assertEquals(site.miners().ratedPowerWOf(100), s21.topW(), 1e-9, "no step above what the allocator counts");
        assertEquals(site.miners().ratedPowerWOf(239), m56.ratedW(), 1e-9);
        assertTrue(s19.curve().joulesPerThAt(s19.topW()) > s21.curve().joulesPerThAt(s21.topW()),
                "the S19j Pro-class units are the less efficient");
    }

    @Test
    void aSiteThatNamesNoModelPricesNoMiner() throws Exception {
        SiteConfig s = SiteDocuments.loadBuiltIn("demo-container").config();
        SiteConfig generic = new SiteConfig(s.site(), s.container(), s.description(), s.connections(), s.devices(),
                new MinerFleetConfig(240, "127.0.0.1", 14100, 3500, 20), s.limits(), s.api(), s.simulation(),
                s.control(), s.economics());
        assertTrue(SiteUnitModels.of(generic).isEmpty());
    }
}
