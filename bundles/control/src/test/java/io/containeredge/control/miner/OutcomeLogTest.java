package io.containeredge.control.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.MinerCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeLogTest {

    @Test
    void keepsTheLastNOldestFirst() {
        OutcomeLog log = new OutcomeLog(3);
        for (int i = 0; i < 5; i++) {
            log.add(new CommandOutcome(MinerCommand.sleep(i), true, "ok", i, 0));
        }
        List<Integer> kept = log.snapshot().stream().map(o -> o.command().index()).toList();
        assertEquals(List.of(2, 3, 4), kept);
    }
}
