package io.containeredge.control.power;

/**
 * One write for the gateway's device writer, in engineering units (the writer applies the point's
 * scale factor). Enumerations and bitfields are given by their numeric code.
 *
 * @param point SunSpec point name as the process image has it, e.g. {@code m704.WSet}
 */
public record PointWrite(String point, double value) {
}
