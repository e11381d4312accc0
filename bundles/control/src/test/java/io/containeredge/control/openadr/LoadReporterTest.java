package io.containeredge.control.openadr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Which report windows are due: complete ones, aligned on the event's start, each once, the last ending with it. */
class LoadReporterTest {

    @Test
    void completeWindowsNotReportedYetAreDue() {
        assertArrayEquals(new long[] {100, 160, 220, 280}, LoadReporter.due(100, 280, 0, 300, 60));
        assertArrayEquals(new long[] {100, 160}, LoadReporter.due(100, 280, 0, 219, 60), "the third is not complete");
        assertArrayEquals(new long[] {160}, LoadReporter.due(100, 280, 160, 219, 60), "nothing new");
        assertArrayEquals(new long[] {220, 250}, LoadReporter.due(100, 250, 220, 400, 60),
                "the last ends with the event");
        assertArrayEquals(new long[] {250}, LoadReporter.due(100, 250, 250, 400, 60), "reported to its end");
    }
}
