package io.containeredge.control.rack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.AiSettings.GpuServer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerCapsTest {

    private static GpuServer server(String id, double ratedW) {
        return new GpuServer(id, URI.create("https://127.0.0.1:1"), "1", ratedW, AiSettings.Auth.BASIC, "c",
                new AiSettings.Trust(Optional.of("ab"), Optional.empty()));
    }

    private static GpuReading range(String id, double minW, double maxW) {
        return new GpuReading(id, 0, 1000, Double.NaN, minW, maxW, "Controls", "");
    }

    @Test
    void theGrantIsSharedByRatingWithinEachBmcsRange() {
        List<GpuServer> servers = List.of(server("a", 10_000), server("b", 5_000));
        assertArrayEquals(new double[] {6_000, 3_000}, ServerCaps.of(9, servers, List.of(range("a", 0, 20_000),
                range("b", 0, 20_000))), 1e-9);
        assertArrayEquals(new double[] {6_000, 3_500}, ServerCaps.of(9, servers, List.of(range("a", 0, 20_000),
                range("b", 3_500, 20_000))), 1e-9, "never under what the BMC accepts");
        assertArrayEquals(new double[] {10_000, 4_000}, ServerCaps.of(100, servers, List.of(range("a", 0, 20_000),
                range("b", 0, 4_000))), 1e-9, "never over the rating or the BMC's maximum");
        assertArrayEquals(new double[] {0, 0}, ServerCaps.of(-5, servers, List.of(GpuReading.unread("a"),
                GpuReading.unread("b"))), 1e-9);
    }
}
