package io.containeredge.control.efficiency;

import io.containeredge.control.economics.UnitModel;
import io.containeredge.control.miner.MinerMode;
import io.containeredge.control.miner.MinerStatus;
import io.containeredge.site.api.MinerModel;
import io.containeredge.site.api.MinerModels;

/** Miner polls as the fleet client reads them, with a one-minute hashrate average, and the built-in models. */
final class Polls {

    static final double WINDOW_S = 60;

    private Polls() {
    }

    /** A poll at {@code atMillis} of a miner hashing at its target. */
    static MinerStatus hashing(int index, double targetW, double powerW, double averageThs, long atMillis) {
        return new MinerStatus(index, true, MinerMode.AWAKE, powerW, targetW, averageThs, 60, atMillis, null,
                averageThs, WINDOW_S);
    }

    static MinerStatus asleep(int index, long atMillis) {
        return new MinerStatus(index, true, MinerMode.SLEEPING, 25, 3500, 0, 40, atMillis, null, 0, WINDOW_S);
    }

    static MinerModel model(String id) {
        return MinerModels.builtIn().get(id).orElseThrow();
    }

    /** A miner of the built-in model {@code id} as the site counts it: at its nominal power. */
    static UnitModel unit(String id) {
        MinerModel m = model(id);
        return new UnitModel(m.name(), m.curve(), m.minPowerW(), m.maxPowerW(), m.stepW(), m.nominalPowerW());
    }
}
