package io.containeredge.control.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.rack.GpuReading;
import io.containeredge.modbus.time.MonotonicClock;
import io.containeredge.simulator.redfish.GpuSimulation;
import io.containeredge.simulator.redfish.GpuWorkload;
import io.containeredge.simulator.redfish.RedfishBmc;
import io.containeredge.site.api.AiSettings.Auth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redfish client against simulated BMCs: discovery, logins, trust, failures and caps. */
class RedfishFleetTest {

    private static final MonotonicClock CLOCK = MonotonicClock.system();

    @TempDir
    Path dataDir;
    private SimulatedBmcs sim;

    @BeforeEach
    void start() throws Exception {
        // full power without swings, so that a cap shows plainly in the reading
        sim = new SimulatedBmcs(2, GpuSimulation.defaults().withSwing(0, Duration.ofSeconds(10)), dataDir);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private RedfishFleet fleet(Auth auth) {
        return RedfishFleet.forSite(sim.site(auth, SimulatedBmcs.caTrust()), dataDir, CLOCK);
    }

    private static GpuReading await(RedfishFleet fleet, String id, Predicate<GpuReading> p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        GpuReading r = null;
        while (System.nanoTime() < deadline) {
            r = fleet.readings().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            if (p.test(r)) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such reading of " + id + " within 5 s; last " + r);
    }

    private static boolean fresh(GpuReading r) {
        return r.fresh(CLOCK.millis(), 1_000);
    }

    @Test
    void discoversAControlWhereOfferedElseThePowerResource() throws Exception {
        try (RedfishFleet fleet = fleet(Auth.SESSION)) {
            GpuReading modern = await(fleet, "gpu-01", RedfishFleetTest::fresh);
            assertEquals("Controls", modern.control());
            assertEquals(10_200, modern.drawW(), 1);
            assertEquals(3_060, modern.minCapW(), 1);
            assertEquals(10_200, modern.maxCapW(), 1);
            assertTrue(Double.isNaN(modern.capW()), "no cap yet");
            GpuReading older = await(fleet, "gpu-02", RedfishFleetTest::fresh);
            assertEquals("PowerControl", older.control());
            assertEquals(10_200, older.drawW(), 1);
            assertEquals(10_200, older.maxCapW(), 1);
        }
    }

    @Test
    void logsInAgainWhenTheSessionEndsAndLogsOutOnClose() throws Exception {
        RedfishBmc bmc = sim.bmcs.bmc("gpu-01");
        try (RedfishFleet fleet = fleet(Auth.SESSION)) {
            await(fleet, "gpu-01", RedfishFleetTest::fresh);
            assertEquals(1, bmc.sessionCount());
            bmc.dropSessions();
            long dropped = CLOCK.millis();
            await(fleet, "gpu-01", r -> fresh(r) && r.readAtMillis() > dropped + 300);
            assertEquals(1, bmc.sessionCount(), "one new session, not one per request");
        }
        assertEquals(0, bmc.sessionCount(), "the session is deleted on close");
    }

    @Test
    void basicAuthNeedsNoSession() throws Exception {
        try (RedfishFleet fleet = fleet(Auth.BASIC)) {
            await(fleet, "gpu-02", RedfishFleetTest::fresh);
            assertEquals(0, sim.bmcs.bmc("gpu-02").sessionCount());
        }
    }

    @Test
    void aPinnedCertificateIsAcceptedAndAWrongPinRefused() throws Exception {
        String pin = sim.bmcs.certificate().sha256().replaceAll("(..)(?!$)", "$1:").toUpperCase();
        try (RedfishFleet fleet = RedfishFleet.forSite(sim.site(Auth.SESSION, SimulatedBmcs.pinTrust(pin)), dataDir,
                CLOCK)) {
            await(fleet, "gpu-01", RedfishFleetTest::fresh);
        }
        try (RedfishFleet fleet = RedfishFleet.forSite(sim.site(Auth.SESSION, SimulatedBmcs.pinTrust("ab".repeat(32))),
                dataDir, CLOCK)) {
            GpuReading r = await(fleet, "gpu-01", x -> !x.problem().equals("not read yet"));
            assertTrue(r.problem().startsWith("certificate refused") && r.problem().contains("pinned"), r.problem());
            assertFalse(fresh(r));
        }
    }

    @Test
    void aCaFileChecksTheHostNameWhileAPinDoesNot() throws Exception {
        try (SimulatedBmcs other = new SimulatedBmcs(1, GpuSimulation.defaults(), Files.createDirectory(
                dataDir.resolve("other")), "127.0.0.2")) {
            try (RedfishFleet fleet = RedfishFleet.forSite(other.site(Auth.SESSION, SimulatedBmcs.caTrust()),
                    other.dataDir(), CLOCK)) {
                GpuReading r = await(fleet, "gpu-01", x -> !x.problem().equals("not read yet"));
                assertTrue(r.problem().startsWith("certificate refused") && r.problem().contains("127.0.0.2"),
                        r.problem());
            }
            String pin = other.bmcs.certificate().sha256();
            try (RedfishFleet fleet = RedfishFleet.forSite(other.site(Auth.SESSION, SimulatedBmcs.pinTrust(pin)),
                    other.dataDir(), CLOCK)) {
                await(fleet, "gpu-01", RedfishFleetTest::fresh);
            }
        }
    }

    @Test
    void aBmcThatAnswers503OrHangsGivesAReadingWithItsProblem() throws Exception {
        try (RedfishFleet fleet = fleet(Auth.SESSION)) {
            await(fleet, "gpu-01", RedfishFleetTest::fresh);
            sim.bmcs.bmc("gpu-01").setUnavailable(true);
            GpuReading unavailable = await(fleet, "gpu-01", r -> !r.problem().isEmpty());
            assertTrue(unavailable.problem().startsWith("HTTP 503"), unavailable.problem());
            assertEquals(10_200, unavailable.drawW(), 1, "the last good reading is kept, with its time");

            sim.bmcs.bmc("gpu-02").setHang(true);
            GpuReading hung = await(fleet, "gpu-02", r -> r.problem().startsWith("timeout"));
            assertFalse(fresh(hung));
            sim.bmcs.clear(null);
            await(fleet, "gpu-02", RedfishFleetTest::fresh);
        }
    }

    @Test
    void aCapInRangeIsFollowedWithinTwoSecondsOnBothDialects() throws Exception {
        try (RedfishFleet fleet = fleet(Auth.SESSION)) {
            for (String id : new String[] {"gpu-01", "gpu-02"}) {
                await(fleet, id, RedfishFleetTest::fresh);
                long sent = CLOCK.millis();
                fleet.cap(id, 6_000).get(2, TimeUnit.SECONDS);
                GpuReading capped = await(fleet, id, r -> r.readAtMillis() > sent && r.drawW() <= 6_000 * 1.02);
                assertEquals(6_000, capped.capW(), 0.5);
                assertTrue(capped.readAtMillis() - sent < 2_500, "followed after " + (capped.readAtMillis() - sent));
            }
        }
    }

    @Test
    void aCapIsClampedToTheAllowedRangeOrRefusedWithTheBmcsMessage() throws Exception {
        try (RedfishFleet fleet = fleet(Auth.SESSION)) {
            await(fleet, "gpu-01", RedfishFleetTest::fresh);
            await(fleet, "gpu-02", RedfishFleetTest::fresh);
            fleet.cap("gpu-01", 100).get(2, TimeUnit.SECONDS);
            await(fleet, "gpu-01", r -> Math.abs(r.capW() - 3_060) < 0.5);
            // the Power resource names no lower bound: the BMC itself refuses, and nothing changes
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> fleet.cap("gpu-02", 100).get(2, TimeUnit.SECONDS));
            assertTrue(refused.getCause().getMessage().contains("HTTP 400")
                    && refused.getCause().getMessage().contains("range"), refused.getCause().getMessage());
            assertTrue(Double.isNaN(sim.bmcs.bmc("gpu-02").model().capW()));
        }
    }

    @Test
    void aWrongPasswordIsAReadingProblemForEitherLogin() throws Exception {
        Files.writeString(dataDir.resolve(SimulatedBmcs.CREDENTIALS), "admin:not-the-password\n");
        for (Auth auth : Auth.values()) {
            try (RedfishFleet fleet = fleet(auth)) {
                GpuReading r = await(fleet, "gpu-01", x -> !x.problem().equals("not read yet"));
                assertTrue(r.problem().startsWith("HTTP 401"), auth + ": " + r.problem());
            }
        }
    }

    @Test
    void refusesToStartWithoutReadableCredentials() throws Exception {
        Files.delete(dataDir.resolve(SimulatedBmcs.CREDENTIALS));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> fleet(Auth.SESSION));
        assertTrue(missing.getMessage().contains(SimulatedBmcs.CREDENTIALS), missing.getMessage());
        Files.writeString(dataDir.resolve(SimulatedBmcs.CREDENTIALS), "no colon here\n");
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> fleet(Auth.SESSION));
        assertTrue(malformed.getMessage().contains("user:password"), malformed.getMessage());
    }
}
