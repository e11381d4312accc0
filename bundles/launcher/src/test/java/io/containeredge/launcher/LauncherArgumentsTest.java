package io.containeredge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LauncherArgumentsTest {

    @Test
    void trialGraceIsOptionalAndTakenInSeconds() {
        assertEquals(OptionalInt.empty(), LauncherArguments.parse(List.of("--demo")).trialGraceSeconds());
        LauncherArguments args = LauncherArguments.parse(List.of("--config", "/etc/ce", "--trial-grace", "5"));
        assertEquals(OptionalInt.of(5), args.trialGraceSeconds());
        assertEquals("/etc/ce", args.configDir());
    }

    @Test
    void trialGraceOutsideOneSecondToOneHourIsRefused() {
        for (String bad : List.of("0", "3601", "-4", "five")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LauncherArguments.parse(List.of("--demo", "--trial-grace", bad)));
            assertTrue(e.getMessage().contains("--trial-grace"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> LauncherArguments.parse(List.of("--demo", "--trial-grace")));
    }

    @Test
    void theDemoTakesPartInSiteCoordinationOnlyWhenGivenAFallbackShare() {
        assertEquals(OptionalInt.empty(), LauncherArguments.parse(List.of("--demo")).siteLeaseKw());
        assertEquals(OptionalInt.of(900), LauncherArguments.parse(List.of("--demo", "--site-lease", "900")).siteLeaseKw());
        IllegalArgumentException configured = assertThrows(IllegalArgumentException.class,
                () -> LauncherArguments.parse(List.of("--config", "/etc/ce", "--site-lease", "900")));
        assertTrue(configured.getMessage().contains("siteLease in its file"), configured.getMessage());
        for (String bad : List.of("0", "-5", "lots", "100001")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LauncherArguments.parse(List.of("--demo", "--site-lease", bad)));
            assertTrue(e.getMessage().contains("--site-lease"), e.getMessage());
        }
    }

    @Test
    void dataDirectoryDefaultsToContaineredgeData() {
        assertEquals("containeredge-data", LauncherArguments.parse(List.of("--demo")).dataDir());
        assertEquals("/var/lib/ce", LauncherArguments.parse(List.of("--demo", "--data", "/var/lib/ce")).dataDir());
    }

    @Test
    void cloudSettingsFileIsOptional() {
        assertEquals(null, LauncherArguments.parse(List.of("--demo")).cloudFile());
        assertEquals("/etc/ce/cloud.properties",
                LauncherArguments.parse(List.of("--demo", "--cloud", "/etc/ce/cloud.properties")).cloudFile());
        assertThrows(IllegalArgumentException.class, () -> LauncherArguments.parse(List.of("--demo", "--cloud")));
    }

    @Test
    void apiTokensFileIsOptional() {
        assertEquals(null, LauncherArguments.parse(List.of("--demo")).apiTokensFile());
        assertEquals("/etc/ce/api-tokens",
                LauncherArguments.parse(List.of("--config", "/etc/ce", "--api-tokens", "/etc/ce/api-tokens")).apiTokensFile());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LauncherArguments.parse(List.of("--demo", "--api-tokens")));
        assertTrue(e.getMessage().contains("--api-tokens"), e.getMessage());
        assertTrue(LauncherArguments.USAGE.contains("[--api-tokens <file>]"), LauncherArguments.USAGE);
    }

    @Test
    void checkNeedsAConfigurationDirectoryAndIsDocumented() {
        LauncherArguments args = LauncherArguments.parse(List.of("--check", "--config", "/etc/ce", "--api-tokens", "/t"));
        assertTrue(args.check());
        assertEquals("/etc/ce", args.configDir());
        assertTrue(!LauncherArguments.parse(List.of("--config", "/etc/ce")).check());
        for (List<String> bad : List.of(List.of("--check"), List.of("--check", "--demo"),
                List.of("--check", "--demo", "--config", "/etc/ce"))) {
            assertThrows(IllegalArgumentException.class, () -> LauncherArguments.parse(bad), bad::toString);
        }
        assertTrue(LauncherArguments.USAGE.contains("--check --config <dir> [--cloud <file>] [--api-tokens <file>]"),
                LauncherArguments.USAGE);
    }
}
