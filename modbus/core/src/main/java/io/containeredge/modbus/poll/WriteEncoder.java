package io.containeredge.modbus.poll;

import io.containeredge.modbus.codec.PointCodec;
import io.containeredge.modbus.profile.PointDef;

/** Checks a value against the point it is written to and encodes it, or refuses it with a reason. */
final class WriteEncoder {

    private WriteEncoder() {
    }

    static int[] encode(PolledDevice device, PointDef point, Object value) {
        if (!point.writable()) {
            throw new IllegalArgumentException(device.id() + "/" + point.name() + " is not writable");
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("not a finite number: " + value);
            }
            if (point.min() != null && v < point.min() || point.max() != null && v > point.max()) {
                throw new IllegalArgumentException(device.id() + "/" + point.name() + ": " + v
                        + " is outside " + point.min() + " .. " + point.max());
            }
        }
        Integer sf = null;
        if (point.scaleFactor() != null) {
            sf = device.decoder.scaleFactor(point.scaleFactor());
            if (sf == null) {
                throw new IllegalArgumentException(device.id() + "/" + point.name() + ": scale factor "
                        + point.scaleFactor() + " not read yet");
            }
        }
        return PointCodec.encode(point, value, sf);
    }
}
