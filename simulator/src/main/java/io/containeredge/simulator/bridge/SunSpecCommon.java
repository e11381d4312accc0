package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.DeviceImage;

/** SunSpec model 1 (common): who made the simulated device. */
final class SunSpecCommon {

    private SunSpecCommon() {
    }

    static void publish(DeviceImage image, String modelName, String device) {
        image.setIfPresent("m1.Mn", "ContainerEdge");
        image.setIfPresent("m1.Md", modelName);
        image.setIfPresent("m1.Opt", "simulator");
        image.setIfPresent("m1.Vr", "0.1.0");
        image.setIfPresent("m1.SN", "SIM-" + device);
        image.setIfPresent("m1.DA", 1);
    }
}
