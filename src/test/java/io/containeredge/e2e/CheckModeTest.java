package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar containeredge.jar --check}: the real jar validates a copy of the demo site, whole and
 * broken, prints every error and exits with 0, 1 or 2, starting nothing and writing nothing.
 */
class CheckModeTest {

    private static final long TIMEOUT_S = 30;

    @TempDir
    Path work;

    private Path config;
    private Path site;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void copyTheDemoSite() throws IOException {
        Path firmware = ChildProcess.root().resolve("firmware-config");
        config = work.resolve("config");
        Files.createDirectories(config.resolve("profiles"));
        site = Files.copy(firmware.resolve("sites/demo-container.yaml"), config.resolve("site.yaml"));
        Files.copy(firmware.resolve("profiles/immersion-cdu.yaml"), config.resolve("profiles/immersion-cdu.yaml"));
    }

    /** Runs the jar in an empty working directory of its own and checks that it left that directory empty. */
    private Run check(String... args) throws Exception {
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx64m", "-jar",
                ChildProcess.root().resolve("deploy/target/containeredge.jar").toString()));
        command.addAll(List.of(args));
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        Process p = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(TIMEOUT_S, TimeUnit.SECONDS), "--check must be done within " + TIMEOUT_S + " s");
        } finally {
            p.destroyForcibly();
        }
        try (Stream<Path> left = Files.list(cwd)) {
            assertEquals(List.of(), left.toList(), "--check writes nothing into the working directory");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private void edit(String from, String to) throws IOException {
        String text = Files.readString(site);
        assertTrue(text.contains(from), from);
        Files.writeString(site, text.replace(from, to));
    }

    @Test
    void aValidConfigurationPrintsOneOkLineAndStartsNothing() throws Exception {
        Path state = work.resolve("state");
        Run run = check("--check", "--config", config.toString(), "--data", state.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("ok: site demo-site, container c-01, 18 devices, 7 profiles, 240 miners,"
                + " 1 AI tenant with 20 GPU servers, under-frequency guard on meter-main/frequency below 59.70 Hz,"
                + " OpenADR 3 VEN of http://127.0.0.1:18081/openadr3/3.0.1, 1 peak window\n",
                run.out());
        assertFalse(Files.exists(state), "no data directory");
        for (String started : List.of("Started Jetty", "site configuration version", "online: answering", "containeredge: ")) {
            assertFalse(run.err().contains(started), "nothing may start: " + started + " in\n" + run.err());
        }
    }

    @Test
    void everyErrorOfABrokenConfigurationIsPrintedWithFileAndPath() throws Exception {
        edit("  port: 8080", "  port: 99999");
        edit("profile: immersion-cdu", "profile: no-such-profile");
        edit("coolantSupplyTripC: 45", "coolantSupplyTripC: 38");
        Path spare = Files.writeString(config.resolve("profiles/spare.yaml"), "id: spare\npoints: []\nbyteOrder: sideways\n");
        Path cloud = Files.writeString(work.resolve("cloud.properties"), "server.uris=ssl://broker:8883\ndrain.rate=fast\n");
        Path tokens = Files.writeString(work.resolve("api-tokens"), "ops superuser " + "0".repeat(64) + "\n");
        Path state = work.resolve("state");

        Run run = check("--check", "--config", config.toString(), "--cloud", cloud.toString(), "--api-tokens",
                tokens.toString(), "--data", state.toString());

        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        for (String expected : List.of(
                site + ": $.api.port: must have a maximum value of 65535",
                site + ": $.limits.coolantSupplyTripC: trip (38.0) must be above warning (40.0)",
                site + ": $.devices[0].profile: device 'cdu' not started: profile 'no-such-profile' refused",
                "profiles/no-such-profile.yaml: $: no profile 'no-such-profile' in the configuration directory or the built-in profiles",
                spare + ": $.byteOrder: does not have a value in the enumeration [\"big\", \"little\"]",
                cloud + ": drain.rate: 'fast' is not an integer",
                tokens + ": line 1: role is one of viewer, technician, admin, got 'superuser'",
                "7 errors")) {
            assertTrue(lines.contains(expected), "missing line '" + expected + "' in\n" + run.err());
        }
        assertFalse(Files.exists(state), "no data directory");
    }

    @Test
    void settingsThatWouldSwitchProtectionOffAreRefusedWithEachPath() throws Exception {
        edit("  minFlowM3h: 60\n", "");
        edit("import: true, ", "");
        Files.writeString(site, Files.readString(site)
                + "control: {cycle: 0ms, failSafeHold: 600m, safeMinerKw: 100000, sleepConfirm: 3m}\n");

        Run run = check("--check", "--config", config.toString());

        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.err().lines().toList();
        for (String expected : List.of(
                site + ": $.control.cycle: 0s is outside 50ms .. 2s",
                site + ": $.control.failSafeHold: 600m is outside 1s .. 10m",
                site + ": $.control.safeMinerKw: must have a maximum value of 10000",
                site + ": $.control.sleepConfirm: 3m is outside 5s .. 2m",
                site + ": $.limits.minFlowM3h: required: CDU cdu reports flow",
                site + ": $.devices: 2 enabled meters (meter-main, meter-aux) and none marked import: true")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(expected)), "missing '" + expected + "' in\n" + run.err());
        }
        assertTrue(lines.contains("6 errors"), run.err());
    }

    @Test
    void aDocumentThatIsNotYamlIsReportedWithItsLine() throws Exception {
        Files.writeString(site, "site: [demo\n");
        Run run = check("--check", "--config", config.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains(site + ": $: not valid YAML (line 1"), run.err());
        assertTrue(run.err().lines().anyMatch("1 error"::equals), run.err());
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        for (List<String> args : List.of(List.of("--check", "--demo"), List.of("--check"),
                List.of("--check", "--config", config.toString(), "--frobnicate"))) {
            Run run = check(args.toArray(String[]::new));
            assertEquals(2, run.exit(), args + ": " + run.err());
            assertTrue(run.err().contains("usage: java -jar containeredge.jar"), run.err());
        }
    }
}
