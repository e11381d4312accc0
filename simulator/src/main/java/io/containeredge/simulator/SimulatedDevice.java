package io.containeredge.simulator;

import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.simulator.bridge.DeviceAdapter;
import io.containeredge.simulator.device.DeviceImage;
import io.containeredge.simulator.modbus.UnitFaults;

/** One simulated device: its site entry, register image, physics binding and unit-level faults. */
public record SimulatedDevice(DeviceConfig config, DeviceImage image, DeviceAdapter adapter, UnitFaults faults) {
}
