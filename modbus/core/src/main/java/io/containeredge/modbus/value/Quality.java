package io.containeredge.modbus.value;

/** How far a value can be trusted. Anything but GOOD must be treated as the worst case by guards. */
public enum Quality {
    /** Read recently and within its physical range. */
    GOOD,
    /** Last good read is older than the point's max age. */
    STALE,
    /** The device answered with a sentinel, NaN or a physically impossible value. */
    INVALID,
    /** Never read since start. */
    MISSING;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
