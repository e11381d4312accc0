package io.containeredge.simulator.bridge;

import io.containeredge.simulator.device.PointWrite;

/**
 * Binds one device image to the physics model: publishes the model's state into the registers every
 * tick and turns client writes (setpoints, socket relays) into model inputs. Called with the model's
 * lock held, from the simulation loop only.
 */
public interface DeviceAdapter {

    /** Writes the initial values of writable points (setpoints, relays): once, before serving. */
    void init();

    /** Copies the model's present state into the image. */
    void publish();

    /** Applies one client write to the model. */
    void apply(PointWrite write);

    /** An adapter for devices the simulator has no physics for: their registers keep the sentinels. */
    DeviceAdapter NONE = new DeviceAdapter() {
        @Override
        public void init() {
        }

        @Override
        public void publish() {
        }

        @Override
        public void apply(PointWrite write) {
        }
    };
}
