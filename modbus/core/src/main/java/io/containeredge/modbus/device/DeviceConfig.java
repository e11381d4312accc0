package io.containeredge.modbus.device;

import io.containeredge.modbus.profile.PollClass;
import java.time.Duration;
import java.util.Map;

/**
 * One device of the container: which profile, where it is reached, how often it is read.
 *
 * @param importMeter marked {@code import: true}: the meter whose active power is the container's import
 */
public record DeviceConfig(
        String id,
        String role,
        String profile,
        String connection,
        int unitId,
        boolean enabled,
        boolean importMeter,
        int maxAgePolls,
        Map<PollClass, Duration> pollPeriods) {

    public DeviceConfig {
        pollPeriods = Map.copyOf(pollPeriods);
    }

    public Duration period(PollClass pollClass) {
        return pollPeriods.getOrDefault(pollClass, pollClass.defaultPeriod());
    }

    /** After this long without a good read a point of the class is stale. */
    public Duration maxAge(PollClass pollClass) {
        return period(pollClass).multipliedBy(maxAgePolls);
    }
}
