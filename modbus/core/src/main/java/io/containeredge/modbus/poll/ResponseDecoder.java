package io.containeredge.modbus.poll;

import io.containeredge.modbus.codec.Decoded;
import io.containeredge.modbus.codec.PointCodec;
import io.containeredge.modbus.plan.ReadRequest;
import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.value.PointValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes the responses of one device into process-image values. Remembers the device's scale
 * factors, because a scaled point may be read in another request than its scale-factor register.
 * A bitfield yields its raw value plus one boolean per named flag ({@code alarm_bits.leak}).
 */
public final class ResponseDecoder {

    private final String device;
    private final Map<String, Integer> scaleFactors = new ConcurrentHashMap<>();

    public ResponseDecoder(String device) {
        this.device = device;
    }

    public List<PointValue> decode(ReadRequest request, int[] response, long timestampMillis) {
        List<PointValue> values = new ArrayList<>();
        for (PointDef p : request.points()) {
            if (p.type() == DataType.SUNSSF) {
                Decoded d = PointCodec.decode(p, request.slice(response, p), null);
                scaleFactors.put(p.name(), d.isValid() ? ((Double) d.value()).intValue() : Integer.MIN_VALUE);
                values.add(toValue(p, d, timestampMillis));
            }
        }
        for (PointDef p : request.points()) {
            if (p.type() != DataType.SUNSSF) {
                Integer sf = p.scaleFactor() == null ? null : scaleFactors.get(p.scaleFactor());
                Decoded d = PointCodec.decode(p, request.slice(response, p), sf);
                values.add(toValue(p, d, timestampMillis));
                d.flags().forEach((flag, on) ->
                        values.add(PointValue.good(device, p.name() + "." + flag, on, "", timestampMillis)));
                if (!d.isValid()) {
                    p.flags().values().forEach(flag -> values.add(PointValue.invalid(device, p.name() + "." + flag,
                            "", timestampMillis, d.invalidReason())));
                }
            }
        }
        return values;
    }

    /** The last good exponent of a scale-factor point, or null if it is unknown or invalid. */
    public Integer scaleFactor(String sfPoint) {
        Integer sf = scaleFactors.get(sfPoint);
        return sf == null || sf == Integer.MIN_VALUE ? null : sf;
    }

    /** Every process-image name a point produces: itself and, for a bitfield, one per flag. */
    public static List<String> namesOf(PointDef p) {
        List<String> names = new ArrayList<>();
        names.add(p.name());
        p.flags().values().forEach(flag -> names.add(p.name() + "." + flag));
        return names;
    }

    private PointValue toValue(PointDef p, Decoded d, long ts) {
        return d.isValid()
                ? PointValue.good(device, p.name(), d.value(), p.unit(), ts)
                : PointValue.invalid(device, p.name(), p.unit(), ts, d.invalidReason());
    }
}
