package io.containeredge.control.openadr;

import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.simulator.openadr.Vtn;
import io.containeredge.simulator.openadr.VtnEvents;
import io.containeredge.site.api.OpenAdrSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's VTN on an ephemeral loopback port, a recording controller for a 2,200 kW site and a VEN between them,
 * all on one settable wall clock. The VEN polls every second and backs off up to 8 s; polls are driven by the test.
 */
final class VtnFixture implements AutoCloseable {

    static final long NOW = 1_780_000_000_000L;
    static final String VEN = "c-01";

    final AtomicLong clock = new AtomicLong(NOW);
    final Vtn vtn;
    final RecordingControlService control = RecordingControlService.forSite(2200).clock(clock::get).build();
    final Path data;
    final OpenAdrSettings settings;
    OpenAdrVen ven;

    VtnFixture(Path data, List<String> programs) {
        this.data = data;
        try {
            vtn = Vtn.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/openadr3/3.0.1", "ven-c01",
                    "s3cret", Duration.ofMinutes(30), clock::get);
            settings = new OpenAdrSettings(vtn.url(), vtn.tokenUrl(), VEN, "openadr-credentials.txt", programs,
                    Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1), "");
            vtn.writeSiteFiles(settings, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ven = newVen();
    }

    /** Another VEN on the same data directory: the gateway after a restart. */
    OpenAdrVen newVen() {
        return OpenAdrVen.forSite(settings, data, control, clock::get);
    }

    /** An import limit in program {@code program}, starting {@code inMinutes} from now, for {@code minutes}. */
    String importLimit(String program, double kw, int inMinutes, int minutes) {
        return vtn.publish(VtnEvents.importLimit(vtn.program(program), "limit " + kw, kw, at(inMinutes),
                Duration.ofMinutes(minutes)));
    }

    Instant at(int minutesFromStart) {
        return Instant.ofEpochMilli(NOW).plus(Duration.ofMinutes(minutesFromStart));
    }

    void advance(Duration d) {
        clock.addAndGet(d.toMillis());
    }

    String source() {
        return "openadr:" + vtn.url().getHost();
    }

    @Override
    public void close() {
        ven.close();
        vtn.close();
    }
}
