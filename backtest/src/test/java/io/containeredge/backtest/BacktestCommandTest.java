package io.containeredge.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.site.api.SiteConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command end to end on the first day of the sample year, as {@code containeredge-sim.jar backtest} runs it. */
class BacktestCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BacktestCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The header and the first day's 96 slots of the sample year. */
    private Path firstDay() throws IOException {
        List<String> lines = Files.readAllLines(Sites.SAMPLE_YEAR).subList(0, 97);
        return Files.write(dir.resolve("day.csv"), lines);
    }

    @Test
    void jsonIsOneObjectWithEveryFigure() throws IOException {
        Run r = run("--site", Sites.MIXED.toString(), "--prices", firstDay().toString(), "--hashprice", "0.045",
                "--strategy", "value", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String field : List.of("hours", "energyMwh", "energyCostUsd", "revenueUsd", "profitUsd", "uptimePct",
                "stateChangesPerMinerDay")) {
            assertTrue(json.get(field).isNumber(), field + " in " + r.out());
        }
        assertEquals(24, json.get("hours").asDouble(), 1e-9);
        assertEquals(240, json.get("miners").asInt());
        assertEquals("value", json.get("strategy").asText());
        assertEquals(json.get("revenueUsd").asDouble() - json.get("energyCostUsd").asDouble(),
                json.get("profitUsd").asDouble(), 1e-6);
    }

    @Test
    void theTextReportNamesEveryFigure() throws IOException {
        Run r = run("--site", Sites.MIXED.toString(), "--prices", firstDay().toString(), "--hashprice", "0.045",
                "--strategy", "strike:60");
        assertEquals(0, r.code(), r.err());
        for (String figure : List.of("hours", "energy", "energy cost", "revenue", "profit", "uptime",
                "state changes")) {
            assertTrue(r.out().contains("  " + figure + " "), figure + " in " + r.out());
        }
        assertTrue(r.out().contains("strategy strike:60"), r.out());
    }

    @Test
    void aBadPriceFileIsRefusedNamingItsLine() throws IOException {
        Path gap = Files.write(dir.resolve("gap.csv"), List.of("2026-01-01T00:00:00Z,40", "2026-01-01T00:15:00Z,41",
                "2026-01-01T01:00:00Z,42"));
        Run r = run("--site", Sites.MIXED.toString(), "--prices", gap.toString(), "--hashprice", "0.045",
                "--strategy", "value");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 3: missing slots from 2026-01-01T00:30:00Z"), r.err());
    }

    @Test
    void aStrategyOrOptionNotKnownIsRefused() {
        assertEquals(2, run("--prices", "p.csv", "--hashprice", "0.045", "--strategy", "cheap").code());
        assertTrue(run("--prices", "p.csv", "--hashprice", "0.045", "--strategy", "strike:x").err()
                .contains("strike:USD_MWh"));
        assertEquals(2, run("--prices", "p.csv", "--strategy", "value").code(), "no hashprice");
    }

    @Test
    void aStorageRunReportsTheMetersFiguresAndStaysUnderTheCap() throws IOException {
        Run r = run("--site", Sites.MIXED.toString(), "--prices", firstDay().toString(), "--hashprice", "0.045",
                "--strategy", "plan", "--battery-kwh", "500", "--battery-kw", "250", "--pv-kw", "400", "--export-kw",
                "300", "--export-price", "market", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out().substring(r.out().indexOf('{')));
        for (String field : List.of("importMwh", "exportMwh", "exportRevenueUsd", "batteryWearUsd", "batteryCycles",
                "pvUsedMwh", "pvCurtailedMwh", "maxImportKw", "importCapKw", "plans")) {
            assertTrue(json.get(field).isNumber(), field + " in " + r.out());
        }
        assertEquals(2200, json.get("importCapKw").asDouble(), "the site's cap");
        assertTrue(json.get("maxImportKw").asDouble() <= 2200, r.out());
        assertEquals(6, json.get("plans").asInt(), "a day re-planned every 4 hours");
        assertTrue(json.get("pvUsedMwh").asDouble() > 0, "the sun shone on 1 January: " + r.out());
        assertEquals(json.get("revenueUsd").asDouble() + json.get("exportRevenueUsd").asDouble()
                - json.get("energyCostUsd").asDouble() - json.get("batteryWearUsd").asDouble(),
                json.get("profitUsd").asDouble(), 1e-6);
    }

    @Test
    void storageOptionsOutOfRangeAreRefusedSayingWhatIsAccepted() {
        String[] base = {"--site", Sites.MIXED.toString(), "--prices", "p.csv", "--hashprice", "0.045", "--strategy",
            "plan"};
        Map<List<String>, String> cases = Map.of(
                List.of("--battery-kwh", "500"), "--battery-kwh and --battery-kw go together",
                List.of("--export-price", "cheap"), "zero, fixed:USD_MWh (e.g. fixed:30) or market",
                List.of("--replan", "5m"), "--replan 5m: minutes or hours from 15m to 24h",
                List.of("--round-trip", "1.5"), "--round-trip 1.5: a number from 0.01 to 1",
                List.of("--pv-kw", "lots"), "--pv-kw lots: a number from 0 to 1000000");
        cases.forEach((extra, message) -> {
            List<String> args = new ArrayList<>(List.of(base));
            args.addAll(extra);
            Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), extra.toString());
            assertTrue(r.err().contains(message), extra + ": " + r.err());
        });
    }

    @Test
    void aSiteWhoseMinersNameNoModelIsRefusedSayingSo() throws Exception {
        SiteConfig noModel = Sites.oneS21(false);
        String message = assertThrows(IllegalArgumentException.class,
                () -> BacktestCommand.withModels(noModel, "x.yaml")).getMessage();
        assertTrue(message.contains("site x.yaml names no miner model"), message);
    }
}
