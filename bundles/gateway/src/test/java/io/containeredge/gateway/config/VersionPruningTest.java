package io.containeredge.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containeredge.gateway.api.ConfigVersion.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionPruningTest {

    private static StoredVersion v(int n, State state) {
        return new StoredVersion(n, n, "test", state, "", "", List.of());
    }

    @Test
    void nothingIsPrunedAtOrBelowTheLimit() {
        assertEquals(List.of(), VersionPruning.toPrune(List.of(v(1, State.SUPERSEDED), v(2, State.GOOD)), 2, 2));
    }

    @Test
    void oldestSupersededGoFirstThenRolledBack() {
        List<StoredVersion> versions = List.of(v(1, State.ROLLED_BACK), v(2, State.SUPERSEDED), v(3, State.SUPERSEDED),
                v(4, State.GOOD), v(5, State.ON_TRIAL));
        assertEquals(List.of(2), VersionPruning.toPrune(versions, 5, 4));
        assertEquals(List.of(2, 3, 1), VersionPruning.toPrune(versions, 5, 2));
    }

    @Test
    void neverTheActiveTheLastGoodOrTheNewest() {
        List<StoredVersion> versions = List.of(v(1, State.GOOD), v(2, State.SUPERSEDED), v(3, State.SUPERSEDED));
        assertEquals(List.of(), VersionPruning.toPrune(versions, 2, 1));
    }
}
