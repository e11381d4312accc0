package io.containeredge.modbus.device;

import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One device of the container: which profile, where it is reached, how often it is read.
 *
 * @param importMeter marked {@code import: true}: the meter whose active power is the container's import
 * @param dedicatedPolls points read on their own, each in its own request at its own period, apart from their poll
 *     class (the grid frequency a guard trips on: 100 ms, where the rest of the meter is read every second)
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
        Map<PollClass, Duration> pollPeriods,
        Map<String, Duration> dedicatedPolls) {

    /** The least max age of a point with a dedicated poll. */
    public static final Duration DEDICATED_MIN_MAX_AGE = Duration.ofSeconds(1);

    public DeviceConfig {
        pollPeriods = Map.copyOf(pollPeriods);
        dedicatedPolls = Map.copyOf(dedicatedPolls);
    }

    /** A device whose points are all read with their poll class. */
    public DeviceConfig(String id, String role, String profile, String connection, int unitId, boolean enabled,
            boolean importMeter, int maxAgePolls, Map<PollClass, Duration> pollPeriods) {
        this(id, role, profile, connection, unitId, enabled, importMeter, maxAgePolls, pollPeriods, Map.of());
    }

    public Duration period(PollClass pollClass) {
        return pollPeriods.getOrDefault(pollClass, pollClass.defaultPeriod());
    }

    /** After this long without a good read a point of the class is stale. */
    public Duration maxAge(PollClass pollClass) {
        return period(pollClass).multipliedBy(maxAgePolls);
    }

    /** How often the point is read: its dedicated period, else its class's. */
    public Duration period(PointDef point) {
        Duration own = dedicatedPolls.get(point.name());
        return own != null ? own : period(point.pollClass());
    }

    /**
     * After this long without a good read the point is stale. A dedicated poll's point is given at least
     * {@link #DEDICATED_MIN_MAX_AGE}: its reader counts each reading once by its timestamp anyway, and three missed
     * polls of 100 ms on a busy line are not a meter gone blind.
     */
    public Duration maxAge(PointDef point) {
        Duration age = period(point).multipliedBy(maxAgePolls);
        return dedicatedPolls.containsKey(point.name()) && age.compareTo(DEDICATED_MIN_MAX_AGE) < 0
                ? DEDICATED_MIN_MAX_AGE : age;
    }

    /** The same device with {@code point} read on its own every {@code period}. */
    public DeviceConfig withDedicatedPoll(String point, Duration period) {
        Map<String, Duration> polls = new HashMap<>(dedicatedPolls);
        polls.put(point, period);
        return new DeviceConfig(id, role, profile, connection, unitId, enabled, importMeter, maxAgePolls, pollPeriods,
                polls);
    }
}
