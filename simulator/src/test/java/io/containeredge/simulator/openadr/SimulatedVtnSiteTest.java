package io.containeredge.simulator.openadr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.simulator.DemoSites;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.fault.FaultSyntaxException;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.OpenAdrSettings;
import io.containeredge.site.api.SiteDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo site's VEN polls a VTN of the simulator's; a person publishes an event with the adr-event command. */
class SimulatedVtnSiteTest {

    @Test
    void theDemoSitesVtnServesItsPathAndTakesAdrEventCommands(@TempDir Path data) throws Exception {
        LoadedSite demo = SiteDocuments.loadBuiltIn("demo-container");
        OpenAdrSettings adr = demo.config().grid().openAdr().orElseThrow();
        try (Simulator sim = Simulator.start(demo, SimulatorOptions.forTests().withServeMiners(false))) {
            Vtn vtn = sim.vtn().orElseThrow();
            assertNotEquals(adr.vtnUrl().getPort(), vtn.port(), "tests get an ephemeral port");
            assertEquals(adr.vtnUrl().getPath(), vtn.url().getPath());
            assertTrue(sim.describe().stream().anyMatch(l -> l.startsWith("openadr3 vtn on " + vtn.url())));
            long before = System.currentTimeMillis();
            sim.inject("adr-event 600 10");
            JsonNode e = vtn.events().get(0);
            Instant start = Instant.parse(e.at("/intervalPeriod/start").asText());
            assertTrue(!start.isBefore(Instant.ofEpochMilli(before).plusSeconds(60)), "starts in a minute: " + start);
            assertEquals("PT10M", e.at("/intervalPeriod/duration").asText());
            assertEquals(600, e.at("/intervals/0/payloads/0/values/0").asDouble());
            assertEquals(vtn.program(Vtn.DEMO_PROGRAM), e.get("programID").asText());
            vtn.writeSiteFiles(adr, data);
            assertTrue(Files.readString(data.resolve(adr.credentialsFile())).startsWith("ven-demo-container:"));
        }
    }

    @Test
    void aSiteWithoutAnOpenAdrSectionHasNoVtnAndIgnoresAdrEvents() throws Exception {
        LoadedSite demo = DemoSites.withoutAi();
        try (Simulator sim = Simulator.start(demo, SimulatorOptions.forTests().withServeMiners(false))) {
            assertTrue(sim.vtn().isEmpty());
            sim.inject("adr-event 600 10");
        }
    }

    @Test
    void theCommandChecksItsNumbers() throws Exception {
        LoadedSite demo = SiteDocuments.loadBuiltIn("demo-container");
        try (Simulator sim = Simulator.start(demo, SimulatorOptions.forTests().withServeMiners(false))) {
            for (String bad : new String[] {"adr-event", "adr-event 600", "adr-event x 10", "adr-event 600 0"}) {
                assertThrows(FaultSyntaxException.class, () -> sim.inject(bad), bad);
            }
            assertEquals(0, sim.vtn().orElseThrow().events().size());
        }
    }
}
