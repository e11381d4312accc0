package io.containeredge.gateway.config;

import io.containeredge.gateway.api.ConfigVersion;
import io.containeredge.gateway.api.ConfigVersion.State;
import java.util.List;

/**
 * A version as kept in {@code v<N>/version.json}: the {@link ConfigVersion} fields plus the devices that
 * were online when it was applied, which its trial checks again after the grace period (also after a
 * restart in the middle of the trial).
 */
record StoredVersion(int version, long appliedMillis, String source, State state, String detail, String sha256,
        List<String> onlineBefore) {

    StoredVersion {
        onlineBefore = onlineBefore == null ? List.of() : List.copyOf(onlineBefore);
        detail = detail == null ? "" : detail;
    }

    StoredVersion withState(State newState, String newDetail) {
        return new StoredVersion(version, appliedMillis, source, newState, newDetail, sha256, onlineBefore);
    }

    ConfigVersion toConfigVersion() {
        return new ConfigVersion(version, appliedMillis, source, state, detail, sha256);
    }
}
