package io.containeredge.simulator.device;

/**
 * A client's write to a point, decoded: value is a Double, Boolean or String (enum label), or null
 * when the written registers decode as invalid (a sentinel, out of range); then reason says why.
 */
public record PointWrite(String device, String point, Object value, String reason) {

    public double number() {
        return value instanceof Number n ? n.doubleValue() : value instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
    }
}
