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
import java.util.List;
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
    void aSiteWhoseMinersNameNoModelIsRefusedSayingSo() throws Exception {
        SiteConfig noModel = Sites.oneS21(false);
        String message = assertThrows(IllegalArgumentException.class,
                () -> BacktestCommand.withModels(noModel, "x.yaml")).getMessage();
        assertTrue(message.contains("site x.yaml names no miner model"), message);
    }
}
