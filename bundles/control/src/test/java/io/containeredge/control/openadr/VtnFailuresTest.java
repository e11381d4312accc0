package io.containeredge.control.openadr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.simulator.openadr.VtnEvents;
import io.containeredge.site.api.OpenAdrSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What goes wrong between VEN and VTN: expired tokens, a VTN that is down, malformed events, missing credentials. */
class VtnFailuresTest extends VenAgainstVtn {

    @Test
    void aTokenTheVtnExpiredIsFetchedAgainAndNoEventIsLost() {
        f.ven.pollOnce();
        assertEquals(1, f.vtn.tokensIssued());
        f.vtn.expireTokens();
        String id = f.importLimit("ercot-ers", 600, 10, 30);
        assertTrue(f.ven.pollOnce(), "the 401 is answered with a new token and the same request");
        assertEquals(2, f.vtn.tokensIssued());
        assertEquals(List.of("scheduleEvent openadr:" + id + " " + f.source()), f.control.calls());
    }

    @Test
    void aTokenIsRenewedBeforeItsLifetimeEnds() {
        f.vtn.tokenLifetime(Duration.ofMinutes(10));
        f.ven.pollOnce();
        f.advance(Duration.ofMinutes(8));
        f.ven.pollOnce();
        assertEquals(1, f.vtn.tokensIssued(), "still good");
        f.advance(Duration.ofMinutes(1).plusSeconds(31));
        assertTrue(f.ven.pollOnce());
        assertEquals(2, f.vtn.tokensIssued(), "renewed 30 s before it expires, without a 401");
    }

    @Test
    void whileTheVtnIsDownTheScheduleStaysAndPollsBackOffToTheMaximumThenRecover() throws Exception {
        String kept = f.importLimit("ercot-ers", 600, 10, 30);
        String cancelledMeanwhile = f.importLimit("ercot-ers", 700, 60, 30);
        assertTrue(f.ven.pollOnce());
        assertEquals(Duration.ofSeconds(1), f.ven.nextDelay());
        f.vtn.stop();
        List<Duration> delays = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertFalse(f.ven.pollOnce());
            delays.add(f.ven.nextDelay());
        }
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(8), Duration.ofSeconds(8)), delays);
        assertEquals(2, f.control.events().size(), "nothing cancelled while the VTN cannot say");
        assertEquals(2, f.control.calls().size());
        f.vtn.cancel(cancelledMeanwhile);
        f.vtn.resume();
        assertTrue(f.ven.pollOnce());
        assertEquals(Duration.ofSeconds(1), f.ven.nextDelay());
        assertEquals(List.of("openadr:" + kept), List.copyOf(f.control.events().keySet()));
        assertEquals("cancelEvent openadr:" + cancelledMeanwhile + " " + f.source(), f.control.calls().get(2));
    }

    @Test
    void aVtnAnsweringErrorsBacksOffLikeOneThatIsDown() throws Exception {
        Files.writeString(data.resolve("openadr-credentials.txt"), "ven-c01:wrong\n");
        assertFalse(f.ven.pollOnce());
        assertEquals(Duration.ofSeconds(2), f.ven.nextDelay());
        f.vtn.writeSiteFiles(f.settings, data);
        assertTrue(f.ven.pollOnce(), "the credentials file is read again at each token request");
    }

    @Test
    void aMissingCredentialsFileIsAFailedPollNotAStoppedGateway() throws Exception {
        Files.delete(data.resolve("openadr-credentials.txt"));
        String log = stderrOf(v -> assertFalse(f.ven.pollOnce()));
        assertTrue(log.contains("openadr-credentials.txt cannot be read"), log);
        assertFalse(log.contains("s3cret"));
    }

    @Test
    void malformedEventsAreRefusedWithAClearLogAndChangeNothing() throws Exception {
        String program = f.vtn.program("ercot-ers");
        ObjectNode noIntervals = event(program, e -> e.putArray("intervals"));
        ObjectNode notANumber = event(program, e -> ((ObjectNode) e.at("/intervals/0/payloads/0"))
                .putArray("values").add("six hundred"));
        ObjectNode badUnits = event(program, e -> ((ObjectNode) e.at("/payloadDescriptors/0")).put("units", "BTU"));
        ObjectNode unending = event(program, e -> ((ObjectNode) e.get("intervalPeriod")).put("duration", "PT0S"));
        ObjectNode badStart = event(program, e -> ((ObjectNode) e.get("intervalPeriod")).put("start", "tomorrow"));
        ObjectNode unknownPayload = event(program, e -> ((ObjectNode) e.at("/intervals/0/payloads/0"))
                .put("type", "GHG"));
        String[] ids = {f.vtn.publish(noIntervals), f.vtn.publish(notANumber), f.vtn.publish(badUnits),
            f.vtn.publish(unending), f.vtn.publish(badStart), f.vtn.publish(unknownPayload)};
        String log = stderrOf(v -> assertTrue(f.ven.pollOnce()));
        assertEquals(List.of(), f.control.calls());
        assertEquals(List.of(), f.vtn.reports());
        for (String expected : List.of(ids[0] + ": intervals no intervals",
                ids[1] + ": intervals[0].payloads.IMPORT_CAPACITY_LIMIT.values is not a number",
                ids[2] + ": payloadDescriptors.IMPORT_CAPACITY_LIMIT.units 'BTU' is not a power",
                ids[3] + ": intervals[0].intervalPeriod.duration no duration (PT0S means unending",
                ids[4] + ": intervals[0].intervalPeriod.start 'tomorrow' is not an ISO 8601 date-time",
                ids[5] + ": intervals[].payloads no payload the container acts on")) {
            assertTrue(log.contains("OpenADR event " + expected), () -> "expected '" + expected + "' in " + log);
        }
        assertTrue(log.contains("ignored, nothing changed"), log);
        String again = stderrOf(v -> assertTrue(f.ven.pollOnce()));
        assertFalse(again.contains("ignored"), "logged once per version: " + again);
    }

    @Test
    void aMalformedRevisionOfAScheduledEventLeavesTheScheduledVersion() throws Exception {
        String id = f.importLimit("ercot-ers", 600, 10, 30);
        f.ven.pollOnce();
        f.vtn.update(id, event(f.vtn.program("ercot-ers"), e -> e.putArray("intervals")));
        String log = stderrOf(v -> f.ven.pollOnce());
        assertTrue(log.contains("the version scheduled before stays"), log);
        assertEquals(1, f.control.calls().size(), f.control.calls()::toString);
        assertEquals(600, f.control.events().get("openadr:" + id).intervals().get(0).target().value());
    }

    @Test
    void anUnreadableCaFileFailsEveryPollNamingItAndStopsNothingElse() throws Exception {
        Files.writeString(data.resolve("vtn-ca.pem"), "not a certificate\n");
        OpenAdrVen ven = OpenAdrVen.forSite(new OpenAdrSettings(f.settings.vtnUrl(),
                f.settings.tokenUrl(), VtnFixture.VEN, f.settings.credentialsFile(), List.of(), f.settings.poll(),
                f.settings.maxBackoff(), f.settings.reportInterval(), "vtn-ca.pem"), data, f.control, f.clock::get);
        try {
            String log = stderrOf(v -> assertFalse(ven.pollOnce()));
            assertTrue(log.contains("vtn-ca.pem"), log);
            assertEquals(0, f.vtn.tokensIssued());
        } finally {
            ven.close();
        }
    }

    private ObjectNode event(String program, Consumer<ObjectNode> damage) {
        ObjectNode e = VtnEvents.importLimit(program, "damaged", 600, f.at(10), Duration.ofMinutes(30));
        damage.accept(e);
        return e;
    }

    /** What the VEN logs (slf4j-simple writes to the standard error stream) while {@code run} runs. */
    private static String stderrOf(Consumer<Void> run) {
        PrintStream before = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            run.accept(null);
        } finally {
            System.setErr(before);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
