package io.containeredge.control.rack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart neither grants a new allowance of caps nor forgets a breach; a new month starts from zero. */
class ContractFileTest {

    @TempDir
    Path dir;

    @Test
    void theMonthsCountsSurviveARestartAndANewMonthStartsFromZero() {
        ContractFile file = new ContractFile(dir.resolve("ai-contracts.json"));
        file.save(YearMonth.of(2026, 12), Map.of("aurora", new ContractFile.Counts(7_200_000, 2)));
        ContractFile reopened = new ContractFile(dir.resolve("ai-contracts.json"));
        assertEquals(new ContractFile.Counts(7_200_000, 2), reopened.load(YearMonth.of(2026, 12)).get("aurora"));
        assertTrue(reopened.load(YearMonth.of(2027, 1)).isEmpty());
    }

    @Test
    void aMissingOrBrokenFileCountsFromZero() throws Exception {
        Path f = dir.resolve("ai-contracts.json");
        assertTrue(new ContractFile(f).load(YearMonth.of(2026, 12)).isEmpty());
        Files.writeString(f, "{\"month\": \"2026-12\", \"tenants\": [");
        assertTrue(new ContractFile(f).load(YearMonth.of(2026, 12)).isEmpty());
    }
}
