package io.containeredge.simulator.device;

import io.containeredge.modbus.profile.DataType;

/**
 * The raw integers a simulated value may take: the type's range minus its not-available sentinel,
 * so a large or negative physical value saturates instead of wrapping around or turning into
 * 0x8000 / 0xFFFF by accident. Only sensor faults produce sentinels.
 */
final class RawBounds {

    private RawBounds() {
    }

    /** {min, max} raw value, or null when the type is not clamped (floats, enums, bitfields). */
    static double[] of(DataType type) {
        return switch (type) {
            case INT16 -> new double[] {-32767, 32767};
            case UINT16 -> new double[] {0, 65534};
            case INT32 -> new double[] {-2147483647.0, 2147483647.0};
            case UINT32 -> new double[] {0, 4294967294.0};
            case ACC32 -> new double[] {1, 4294967295.0};
            case INT64 -> new double[] {-9.2e18, 9.2e18};
            case ACC64 -> new double[] {1, 1.8e19};
            default -> null;
        };
    }

    /** Largest magnitude that fits, used to pick SunSpec scale factors. */
    static double maxMagnitude(DataType type) {
        double[] b = of(type);
        return b == null ? Double.MAX_VALUE : b[0] < 0 ? Math.min(-b[0], b[1]) : b[1];
    }
}
