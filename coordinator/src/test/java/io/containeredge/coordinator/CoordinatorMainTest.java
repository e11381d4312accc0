package io.containeredge.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatorMainTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return CoordinatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path sample(String from, String to) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/firmware-config/sites/demo-coordinator.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("demo-coordinator.key"), Base64.getEncoder().encodeToString(new byte[48]));
        return Files.writeString(dir.resolve("coordinator.yaml"), text.replace(from, to));
    }

    @Test
    void checkSummarisesAGoodConfiguration() throws Exception {
        assertEquals(0, run("--check", sample("", "").toString()), err::toString);
        assertTrue(out.toString().startsWith("site demo-site: POI cap 2000 kW less auxiliaries 50 kW and margin 40 kW"
                + " leaves 1910 kW for 1 container(s); fallback shares 900 kW (47 % of it)"), out::toString);
    }

    @Test
    void checkListsEveryProblem() throws Exception {
        Path bad = sample("fallbackShareKw: 900", "fallbackShareKw: 1960");
        Files.writeString(bad, Files.readString(bad).replace("renewEvery: 5s", "renewEvery: 20s"));
        assertEquals(1, run("--check", bad.toString()));
        String text = err.toString();
        assertTrue(text.contains("2 problem(s)"), text);
        assertTrue(text.contains("$.containers: the fallback shares sum to 1960 kW, above the 1910 kW"), text);
        assertTrue(text.contains("$.leases.renewEvery: 20s is more than a third of the lease duration 30s"), text);
    }

    @Test
    void aMissingInstanceIdIsAUsageError() throws Exception {
        assertEquals(2, run("--config", "x.yaml"));
        assertTrue(err.toString().startsWith("usage:"));
    }

    @Test
    void aLoginIsAddedOnlyWhereTheConfigurationHasADashboard() throws Exception {
        Path without = sample("", "");
        assertEquals(1, run("--config", without.toString(), "--add-user", "ops"));
        assertTrue(err.toString().contains("has no dashboard section"), err::toString);
        assertEquals(2, run("--config", without.toString(), "--id", "a", "--add-user", "ops"),
                "running and adding a login at once is a usage error");
    }

    @Test
    void siteLimitsAreSetListedAndEndedInZooKeeper() throws Exception {
        try (TestingServer zookeeper = new TestingServer(true)) {
            String config = sample("127.0.0.1:2181", zookeeper.getConnectString()).toString();
            assertEquals(0, run("--config", config, "--set-limit", "ev-1", "--kw", "1500", "--until", "+90m",
                    "--reason", "utility curtailment order 4711"), err::toString);
            assertTrue(out.toString().startsWith("set ev-1\nev-1"), out::toString);
            assertTrue(out.toString().contains("1500 kW"), out::toString);
            assertTrue(out.toString().contains("IN FORCE  (utility curtailment order 4711, set by cli:"), out::toString);
            out.reset();

            assertEquals(0, run("--config", config, "--set-limit", "peak", "--kw", "1200", "--from",
                    "2099-07-14T16:00-05:00", "--until", "2099-07-14T18:00-05:00", "--reason", "4CP"), err::toString);
            assertTrue(out.toString().contains("2099-07-14 21:00:00 UTC .. 2099-07-14 23:00:00 UTC  to come"),
                    out::toString);
            out.reset();

            assertEquals(0, run("--config", config, "--end-limit", "ev-1"), err::toString);
            assertEquals(0, run("--config", config, "--limits"), err::toString);
            assertTrue(out.toString().contains("peak") && !out.toString().contains("ev-1  "), out::toString);

            assertEquals(1, run("--config", config, "--end-limit", "ev-1"));
            assertTrue(err.toString().contains("no site limit ev-1: nothing changed"), err::toString);
            err.reset();
            assertEquals(1, run("--config", config, "--set-limit", "bad", "--kw", "-5", "--until", "+1h",
                    "--reason", "x"));
            assertTrue(err.toString().contains("must be a number of kW >= 0"), err::toString);
            err.reset();
            assertEquals(1, run("--config", config, "--set-limit", "bad", "--kw", "5", "--until", "tomorrow",
                    "--reason", "x"));
            assertTrue(err.toString().contains("time tomorrow is none of"), err::toString);
            assertEquals(2, run("--config", config, "--set-limit", "x", "--end-limit", "y"), "one command at a time");
        }
    }
}
