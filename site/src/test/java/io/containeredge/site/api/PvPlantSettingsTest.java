package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.device.DeviceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation section's PV plant, and the pv device role. */
class PvPlantSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aSiteWithoutPvSettingsHasNoPlantAtTheDefaultPlace() throws Exception {
        Files.writeString(dir.resolve("site.yaml"), SiteDocumentsTest.minimalSite("transformer-monitor", 40, 45));
        PvPlantSettings pv = SiteDocuments.load(dir).config().simulation().pv();
        assertEquals(PvPlantSettings.NONE, pv);
        assertFalse(pv.present());
    }

    @Test
    void theSimulationSectionSetsRatingPlaceAndSeed() throws Exception {
        Files.writeString(dir.resolve("site.yaml"), SiteDocumentsTest.minimalSite("transformer-monitor", 40, 45)
                + "simulation: {pvRatedKw: 250, latitude: -33.9, longitude: 18.4, pvSeed: 7}\n");
        PvPlantSettings pv = SiteDocuments.load(dir).config().simulation().pv();
        assertEquals(new PvPlantSettings(250, -33.9, 18.4, 7), pv);
        assertTrue(pv.present());
    }

    @Test
    void aLatitudeOffTheGlobeIsRefusedWithItsPath() throws Exception {
        Files.writeString(dir.resolve("site.yaml"), SiteDocumentsTest.minimalSite("transformer-monitor", 40, 45)
                + "simulation: {pvRatedKw: 250, latitude: 95}\n");
        List<ConfigError> errors = SiteDocuments.check(dir).errors();
        assertTrue(errors.stream().anyMatch(e -> e.path().equals("$.simulation.latitude")), errors::toString);
    }

    @Test
    void theDemoHasA400KwPlantServedAsAPvInverter() throws Exception {
        LoadedSite demo = SiteDocuments.loadBuiltIn("demo-container");
        assertEquals(400, demo.config().simulation().pv().ratedKw());
        DeviceConfig pv = demo.config().device("pv").orElseThrow();
        assertEquals("pv", pv.role());
        assertEquals("sunspec-pv-inverter", demo.profileOf("pv").id());
        assertEquals(List.of("pv"), demo.config().enabledDevicesWithRole("pv"));
    }
}
