package io.containeredge.gateway.config;

import io.containeredge.gateway.api.ConfigVersion.State;
import java.util.Comparator;
import java.util.List;

/**
 * Which versions to delete so that at most {@code max} are kept: the oldest SUPERSEDED first, then the
 * oldest ROLLED_BACK. Never the active version, the last GOOD one (the automatic rollback's target), or
 * the newest (its number is what keeps numbers from being reused).
 */
final class VersionPruning {

    private VersionPruning() {
    }

    /** @param versions every version, in any order */
    static List<Integer> toPrune(List<StoredVersion> versions, int active, int max) {
        int excess = versions.size() - max;
        if (excess <= 0) {
            return List.of();
        }
        int newest = versions.stream().mapToInt(StoredVersion::version).max().orElse(0);
        int lastGood = versions.stream().filter(v -> v.state() == State.GOOD)
                .mapToInt(StoredVersion::version).max().orElse(0);
        return versions.stream()
                .filter(v -> v.version() != active && v.version() != newest && v.version() != lastGood)
                .filter(v -> v.state() == State.SUPERSEDED || v.state() == State.ROLLED_BACK)
                .sorted(Comparator.comparing((StoredVersion v) -> v.state() != State.SUPERSEDED)
                        .thenComparingInt(StoredVersion::version))
                .limit(excess)
                .map(StoredVersion::version)
                .toList();
    }
}
