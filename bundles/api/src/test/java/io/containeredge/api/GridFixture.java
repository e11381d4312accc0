package io.containeredge.api;

import io.containeredge.control.api.ComplianceSecond;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventPerformance;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.FrequencyStatus;
import io.containeredge.control.api.GridEvent;
import io.containeredge.control.api.GridEventStatus;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.api.PeakStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A site's grid services as the controller shows them: one event of each kind, the guard normal, a peak alert. */
final class GridFixture {

    static final long NOW = 1_780_000_000_000L;

    private GridFixture() {
    }

    static GridEvent event(String id, long start, double limitKw) {
        return new GridEvent(id, "mqtt:ops/req-1", "Summer DR " + id, start - 3_600_000, Duration.ofMinutes(5),
                List.of(new EventInterval(start, start + 3_600_000, new EventTarget(EventTarget.Kind.IMPORT_LIMIT_KW,
                        limitKw))));
    }

    static GridStatus grid() {
        GridEventStatus upcoming = new GridEventStatus(event("dr-next", NOW + 7_200_000, 500),
                GridEventStatus.State.UPCOMING, Double.NaN, "import limit 500 kW from 16:00", "", null);
        GridEventStatus active = new GridEventStatus(event("dr-now", NOW - 600_000, 600),
                GridEventStatus.State.ACTIVE, 600, "import limit 600 kW", "",
                new EventPerformance("dr-now", 1020, 600, 590, 430, 12.5, 300, 295, 0, ""));
        GridEventStatus past = new GridEventStatus(event("dr-past", NOW - 86_400_000, 400),
                GridEventStatus.State.COMPLETED, Double.NaN, "completed", "AI floors draw 450 kW",
                new EventPerformance("dr-past", Double.NaN, 400, 450, Double.NaN, 180_000, 3300, 0, 0,
                        "AI floors draw 450 kW"));
        FrequencyStatus freq = new FrequencyStatus("meter-main/frequency", 59.98, "NORMAL", 59.7, 59.9, "normal", 2);
        PeakStatus peaks = new PeakStatus(true, NOW + 3_600_000, false, 800, false, NOW + 1_800_000, "tom@10.0.0.5");
        return new GridStatus(NOW, Optional.of(freq), Optional.of(peaks), List.of(past, active, upcoming),
                Optional.of("event dr-now: import limit 600 kW"));
    }

    static List<ComplianceSecond> seconds() {
        long s = (NOW - 600_000) / 1000;
        return List.of(new ComplianceSecond(s, 1020, 1020, 1010.25, 0, false),
                new ComplianceSecond(s + 1, 1020, 600, Double.NaN, Double.NaN, true),
                new ComplianceSecond(s + 2, 1020, 600, 612.3456, 12.3456, true));
    }
}
