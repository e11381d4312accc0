package io.containeredge.console.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.api.ContainerState;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.api.MaintenanceWindow;
import io.containeredge.control.api.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console shows the state the controller derived, and UNKNOWN when it cannot see the controller. */
class ContainerStateReaderTest {

    private static final long NOW = 1_000_000;

    private static ControlStatus status(List<MaintenanceWindow> maintenance) {
        return new ControlStatus(NOW, "NORMAL", Double.POSITIVE_INFINITY, false, "thermal: normal", 900, 880, 2200,
                Double.NaN, 200, 240, 0, 10, 0, 1.5, List.of(Verdict.free("thermal"), Verdict.free("power")),
                List.of(), maintenance);
    }

    @Test
    void noCycleOrAStaleOneIsUnknown() {
        assertEquals(ContainerState.UNKNOWN, ContainerStateReader.read(null, NOW).state());
        StateVerdict stale = ContainerStateReader.read(status(List.of()),
                NOW + ContainerStateReader.STALE_AFTER_MILLIS + 1);
        assertEquals(ContainerState.UNKNOWN, stale.state());
        assertTrue(stale.reason().contains("not running"), stale.reason());
    }

    @Test
    void aRecentStatusIsShownWithTheStateTheControllerDerived() {
        ControlStatus s = status(List.of(new MaintenanceWindow("cdu", 0, NOW + 60_000, "console:tom")));
        assertEquals(new StateVerdict(ContainerState.MAINTENANCE, "cdu in maintenance"),
                ContainerStateReader.read(s, NOW + ContainerStateReader.STALE_AFTER_MILLIS));
    }
}
