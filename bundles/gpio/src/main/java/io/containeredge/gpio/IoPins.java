package io.containeredge.gpio;

import java.util.HashSet;
import java.util.Set;

/** Where the inputs and the beacon are wired, by BCM GPIO number, and how. */
public record IoPins(Input estop, Input door, Input leak, Output beacon) {

    /** The level of the pin when the signal is active. */
    public enum Polarity {
        ACTIVE_HIGH,
        ACTIVE_LOW
    }

    /** The SoC's internal bias resistor on an input. */
    public enum Pull {
        UP,
        DOWN,
        OFF
    }

    public record Input(int bcm, Polarity polarity, Pull pull) {

        @Override
        public String toString() {
            return "BCM " + bcm + " " + name(polarity) + " pull-" + pull.name().toLowerCase();
        }
    }

    public record Output(int bcm, Polarity polarity) {

        @Override
        public String toString() {
            return "BCM " + bcm + " " + name(polarity);
        }
    }

    /** @throws IllegalArgumentException for a pin outside the 40-pin header's GPIO 0–27 or used twice */
    public IoPins {
        Set<Integer> used = new HashSet<>();
        for (int bcm : new int[] {estop.bcm(), door.bcm(), leak.bcm(), beacon.bcm()}) {
            if (bcm < 0 || bcm > 27) {
                throw new IllegalArgumentException("BCM pin " + bcm + " is not a header GPIO (0-27)");
            }
            if (!used.add(bcm)) {
                throw new IllegalArgumentException("BCM pin " + bcm + " is configured twice");
            }
        }
    }

    @Override
    public String toString() {
        return "estop " + estop + ", door " + door + ", leak " + leak + ", beacon " + beacon;
    }

    private static String name(Polarity p) {
        return p.name().toLowerCase().replace('_', '-');
    }
}
