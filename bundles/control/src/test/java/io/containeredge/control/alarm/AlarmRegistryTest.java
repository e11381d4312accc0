package io.containeredge.control.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.alarm.AlarmEvent.Type;
import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmRegistryTest {

    private static final AlarmCondition TRIP = new AlarmCondition("thermal.trip", Severity.CRITICAL, "cooling",
            "thermal trip: supply 47.0 °C", 47.0);
    private static final AlarmCondition WARN = new AlarmCondition("thermal.supply-warning", Severity.WARNING,
            "cdu/supply_temp", "supply above 40 °C", 41.5);
    private static final AlarmCondition BAD = new AlarmCondition("thermal.input-bad", Severity.WARNING,
            "cdu/return_temp", "input not good", Double.NaN);

    @TempDir
    Path dir;

    private AlarmRegistry open() {
        return new AlarmRegistry(dir.resolve("alarms/journal.jsonl"));
    }

    private static List<Type> types(List<AlarmEvent> events) {
        return events.stream().map(AlarmEvent::type).toList();
    }

    @Test
    void raisesOnceClearsWhenGoneAndKeepsHistory() throws IOException {
        try (AlarmRegistry r = open()) {
            assertEquals(List.of(Type.RAISED), types(r.update(List.of(WARN), 1_000)));
            assertEquals(List.of(), r.update(List.of(WARN), 1_250), "a condition still present is the same alarm");
            assertFalse(r.anyActiveCritical());

            List<AlarmEvent> cleared = r.update(List.of(), 1_500);
            assertEquals(List.of(Type.CLEARED), types(cleared));
            Alarm a = cleared.get(0).alarm();
            assertEquals(1_000, a.raisedMillis());
            assertEquals(1_500, a.clearedMillis());
            assertEquals(41.5, a.reading());
            assertTrue(r.active().isEmpty());

            assertEquals(List.of(Type.RAISED), types(r.update(List.of(WARN), 2_000)), "a new occurrence");
            List<Alarm> history = r.history(10);
            assertEquals(2, history.size());
            assertEquals(List.of(2_000L, 1_000L), history.stream().map(Alarm::raisedMillis).toList());
            assertEquals(1, r.history(1).size());
        }
    }

    @Test
    void sameIdTwiceInOneCycleIsOneAlarm() throws IOException {
        AlarmCondition again = new AlarmCondition(TRIP.id(), Severity.CRITICAL, "cooling", "another reason", 50);
        try (AlarmRegistry r = open()) {
            List<AlarmEvent> events = r.update(List.of(TRIP, again, WARN), 10);
            assertEquals(List.of(Type.RAISED, Type.RAISED), types(events));
            assertEquals(1, r.active().stream().filter(a -> a.id().equals(TRIP.id())).count());
            assertEquals(TRIP.message(), r.active().get(0).message(), "the first report wins");
            assertTrue(r.anyActiveCritical());
        }
    }

    @Test
    void acknowledgeKeepsTheAlarmActiveUntilItClears() throws IOException {
        try (AlarmRegistry r = open()) {
            r.update(List.of(TRIP), 100);
            AlarmEvent ack = r.acknowledge(TRIP.id(), "tech", 200).orElseThrow();
            assertEquals(Type.ACKNOWLEDGED, ack.type());
            assertEquals("tech", ack.alarm().acknowledgedBy());
            assertEquals(200, ack.alarm().acknowledgedMillis());
            assertTrue(r.acknowledge(TRIP.id(), "someone else", 300).isEmpty(), "acknowledged once");
            assertTrue(r.acknowledge("no.such.alarm", "tech", 300).isEmpty());

            assertTrue(r.anyActiveCritical(), "the beacon stays on while the cause is there");
            assertEquals(List.of(), r.update(List.of(TRIP), 400));
            Alarm cleared = r.update(List.of(), 500).get(0).alarm();
            assertEquals("tech", cleared.acknowledgedBy());
            assertFalse(r.anyActiveCritical());
        }
    }

    @Test
    void anAlarmThatClearedUnseenCanStillBeAcknowledged() throws IOException {
        try (AlarmRegistry r = open()) {
            r.update(List.of(WARN), 100);
            r.update(List.of(), 200);
            AlarmEvent ack = r.acknowledge(WARN.id(), "tech", 300).orElseThrow();
            assertEquals(200, ack.alarm().clearedMillis());
            assertEquals("tech", r.history(1).get(0).acknowledgedBy());
        }
    }

    @Test
    void restartReplaysActiveAndAcknowledgedState() throws IOException {
        try (AlarmRegistry r = open()) {
            r.update(List.of(TRIP, WARN, BAD), 100);
            r.acknowledge(TRIP.id(), "tech", 150);
            r.update(List.of(TRIP, BAD), 200);
            r.acknowledge(WARN.id(), "ops", 250);
        }
        try (AlarmRegistry r = open()) {
            assertEquals(List.of(TRIP.id(), BAD.id()), r.active().stream().map(Alarm::id).toList());
            Alarm trip = r.active().get(0);
            assertEquals("tech", trip.acknowledgedBy());
            assertEquals(100, trip.raisedMillis());
            assertTrue(Double.isNaN(r.active().get(1).reading()), "NaN survives the journal");
            assertNull(r.active().get(1).acknowledgedBy());
            assertTrue(r.anyActiveCritical());
            Alarm warn = r.history(10).stream().filter(a -> !a.active()).findFirst().orElseThrow();
            assertEquals("ops", warn.acknowledgedBy());

            assertEquals(List.of(), r.update(List.of(TRIP, BAD), 300), "still active after restart, not re-raised");
            assertTrue(r.acknowledge(TRIP.id(), "again", 310).isEmpty());
        }
    }

    @Test
    void tornLastLineIsSkippedAndTheJournalStaysUsable() throws IOException {
        Path journal = dir.resolve("alarms/journal.jsonl");
        try (AlarmRegistry r = open()) {
            r.update(List.of(TRIP, WARN), 100);
            r.acknowledge(TRIP.id(), "tech", 150);
        }
        // a power cut in the middle of writing the clear of WARN
        Files.writeString(journal, "{\"type\":\"CLEARED\",\"alarm\":{\"id\":\"thermal.supp", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (AlarmRegistry r = open()) {
            assertEquals(2, r.active().size());
            assertEquals("tech", r.active().get(0).acknowledgedBy());
            r.update(List.of(TRIP), 300);
        }
        Files.writeString(journal, "{\"type\":\"RAISED\",\"alarm\":{}}\n{\"type\":\"FOO\"}\n\u0000\u0000garbage\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (AlarmRegistry r = open()) {
            assertEquals(List.of(TRIP.id()), r.active().stream().map(Alarm::id).toList(),
                    "the event written after the torn line was not glued to it");
            assertEquals(300, r.history(10).stream().filter(a -> !a.active()).findFirst().orElseThrow()
                    .clearedMillis());
        }
    }

    @Test
    void aJournalInTheFormatAlreadyOnDiskLoads() throws IOException {
        Path journal = dir.resolve("alarms/journal.jsonl");
        Files.createDirectories(journal.getParent());
        // line 4: a torn write that an earlier version kept and ended with a newline instead of cutting it
        Files.writeString(journal, """
                {"type":"RAISED","alarm":{"id":"thermal.trip","severity":"CRITICAL","source":"cooling",                "message":"thermal trip: supply 47.0 °C","reading":47.0,"raisedMillis":100,"clearedMillis":0,                "acknowledgedMillis":0,"acknowledgedBy":null}}
                {"type":"RAISED","alarm":{"id":"thermal.input-bad","severity":"WARNING","source":"cdu/return_temp",                "message":"input not good","reading":"NaN","raisedMillis":100,"clearedMillis":0,                "acknowledgedMillis":0,"acknowledgedBy":null}}
                {"type":"ACKNOWLEDGED","alarm":{"id":"thermal.trip","severity":"CRITICAL","source":"cooling",                "message":"thermal trip: supply 47.0 °C","reading":47.0,"raisedMillis":100,"clearedMillis":0,                "acknowledgedMillis":150,"acknowledgedBy":"tech"}}
                {"type":"CLEARED","alarm":{"id":"thermal.inp
                {"type":"CLEARED","alarm":{"id":"thermal.input-bad","severity":"WARNING","source":"cdu/return_temp",                "message":"input not good","reading":"NaN","raisedMillis":100,"clearedMillis":200,                "acknowledgedMillis":0,"acknowledgedBy":null}}
                """, StandardCharsets.UTF_8);
        try (AlarmRegistry r = open()) {
            assertEquals(List.of(TRIP.id()), r.active().stream().map(Alarm::id).toList());
            assertEquals("tech", r.active().get(0).acknowledgedBy());
            assertEquals(47.0, r.active().get(0).reading());
            Alarm bad = r.history(10).stream().filter(a -> !a.active()).findFirst().orElseThrow();
            assertEquals(BAD.id(), bad.id());
            assertEquals(200, bad.clearedMillis());
            assertTrue(Double.isNaN(bad.reading()));
            assertEquals(List.of(), r.update(List.of(TRIP), 300), "still active, not re-raised");
            r.update(List.of(), 400);
        }
        try (AlarmRegistry r = open()) {
            assertTrue(r.active().isEmpty(), "appending to the existing journal goes on");
        }
    }

    @Test
    void aFailedCompactionLeavesTheJournalTakingEvents() throws IOException {
        Path journal = dir.resolve("alarms/journal.jsonl");
        // the compacted journal is first written to journal.jsonl.tmp, which cannot be written where a directory stands
        Files.createDirectories(dir.resolve("alarms/journal.jsonl.tmp"));
        try (AlarmRegistry r = new AlarmRegistry(journal, 4, 1)) {
            for (int i = 1; i <= 3; i++) {
                r.update(List.of(WARN), i * 10L);
                r.update(List.of(), i * 10L + 5);
            }
            r.update(List.of(TRIP), 100);
        }
        assertEquals(7, Files.readAllLines(journal).size(), "not compacted, nothing lost");
        try (AlarmRegistry r = new AlarmRegistry(journal, 4, 1)) {
            assertEquals(List.of(TRIP.id()), r.active().stream().map(Alarm::id).toList());
        }
    }

    @Test
    void compactionKeepsActiveAlarmsAcknowledgementsAndRecentHistory() throws IOException {
        Path journal = dir.resolve("alarms/journal.jsonl");
        int bound = 40;
        int history = 5;
        try (AlarmRegistry r = new AlarmRegistry(journal, bound, history)) {
            r.update(List.of(TRIP), 1);
            r.acknowledge(TRIP.id(), "tech", 2);
            for (int i = 0; i < 100; i++) {
                long t = 10 + i * 10L;
                r.update(List.of(TRIP, WARN), t);
                r.update(List.of(TRIP), t + 5);
                assertTrue(Files.readAllLines(journal).size() <= bound + 2, "compacted as it grows");
            }
        }
        assertFalse(Files.exists(dir.resolve("alarms/journal.jsonl.tmp")));
        try (AlarmRegistry r = new AlarmRegistry(journal, bound, history)) {
            assertEquals(List.of(TRIP.id()), r.active().stream().map(Alarm::id).toList());
            assertEquals("tech", r.active().get(0).acknowledgedBy());
            assertEquals(1, r.active().get(0).raisedMillis());
            List<Alarm> past = r.history(100).stream().filter(a -> !a.active()).toList();
            assertEquals(history, past.size());
            assertEquals(1_005, past.get(0).clearedMillis(), "the most recent occurrences are kept");
        }
    }
}
