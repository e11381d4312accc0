package io.containeredge.modbus.sunspec;

import io.containeredge.modbus.profile.PointDef;
import java.util.List;

/**
 * One SunSpec model definition as loaded from {@code firmware-config/sunspec/model_<id>.yaml}.
 *
 * @param name the SunSpec group name
 * @param length L: registers of the body this definition describes
 * @param points holding-register points whose addresses are offsets from the body start (the first
 *     register after L), named as in the standard
 */
public record SunSpecModel(int id, String name, int length, List<PointDef> points) {

    public SunSpecModel {
        points = List.copyOf(points);
    }

    /** The name a point gets on a device, so models sharing point names (W, A_SF) stay apart. */
    public static String qualifiedName(int modelId, String point) {
        return "m" + modelId + "." + point;
    }

    /**
     * The points moved to a body at {@code bodyAddress} and renamed {@code m<id>.<Point>}, scale
     * factors too. Points reaching past {@code bodyLength} are left out: a device declaring a shorter L
     * implements an older or partial block, and reading past it would read the next model.
     */
    public List<PointDef> placedAt(int bodyAddress, int bodyLength) {
        return points.stream()
                .filter(p -> p.address() + p.count() <= bodyLength)
                .map(p -> p.relocated(qualifiedName(id, p.name()), bodyAddress + p.address(),
                        p.scaleFactor() == null ? null : qualifiedName(id, p.scaleFactor())))
                .toList();
    }
}
