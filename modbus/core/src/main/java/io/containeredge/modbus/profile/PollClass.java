package io.containeredge.modbus.profile;

import java.time.Duration;

/** How often a point is read. The site configuration may change each class's period per device. */
public enum PollClass {
    FAST(Duration.ofMillis(250)),
    NORMAL(Duration.ofSeconds(1)),
    SLOW(Duration.ofSeconds(10));

    private final Duration defaultPeriod;

    PollClass(Duration defaultPeriod) {
        this.defaultPeriod = defaultPeriod;
    }

    public Duration defaultPeriod() {
        return defaultPeriod;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PollClass fromKey(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
