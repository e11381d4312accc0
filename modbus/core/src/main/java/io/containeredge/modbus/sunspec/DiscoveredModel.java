package io.containeredge.modbus.sunspec;

/**
 * One model found in a device's SunSpec chain.
 *
 * @param id the model id register
 * @param length the L register: registers of the body as the device declares them
 * @param bodyAddress absolute address of the first register after L
 */
public record DiscoveredModel(int id, int length, int bodyAddress) {
}
