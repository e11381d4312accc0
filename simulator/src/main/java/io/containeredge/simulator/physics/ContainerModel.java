package io.containeredge.simulator.physics;

import io.containeredge.site.api.FrequencyGuardSettings;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.MinerModel;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SimulationConfig;
import io.containeredge.simulator.miner.FleetUnits;
import io.containeredge.simulator.miner.Miner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongToDoubleFunction;

/**
 * The physics of one container, stepped on a fixed tick of simulated time ({@link #TICK_MILLIS}) by
 * whoever owns the clock: the simulator's real-time loop, or a test calling {@link #advance} without
 * sleeping. Deterministic for a given seed: all randomness (sensor noise, temperature spread of the
 * miners) comes from one seeded {@link Random}, drawn in a fixed order; the hashrate spread of each miner
 * comes from the site's own spread seed and its index ({@link FleetUnits}).
 *
 * <p>Energy flow per tick: miners' electrical power becomes heat in the coolant ({@link CoolingLoop});
 * the CDU's pump and fans ({@link Cdu}) set flow and heat rejection; the container's total load is
 * miners + auxiliary load (CDU drives, lights, controls) + battery charge - battery discharge
 * ({@link Battery}), less the output of the PV plant behind the import meter ({@link PvPlant}, none when the
 * site's {@code pvRatedKw} is 0); it is metered ({@link MeteredFeed}: negative = export) and heats the transformer
 * ({@link TransformerThermal}).
 *
 * <p>Thread-safety: every public method is synchronized on the model; the Modbus and miner servers
 * call in from their own threads.
 */
public final class ContainerModel {

    public static final long TICK_MILLIS = 100;
    /** Power factor of miner PSUs (active PFC) and of the auxiliary motor load. */
    static final double MINER_PF = 0.98;
    static final double AUX_PF = 0.85;

    private final SiteConfig site;
    private final GridFrequency grid;
    private final Random random;
    private final List<LongToDoubleFunction> otherLoads = new ArrayList<>();
    private final long epochStartMillis;
    private final List<Miner> miners = new ArrayList<>();
    private final boolean[] socketOn;
    private final Cdu cdu = new Cdu(90, 50);
    private final CoolingLoop loop;
    private final Battery battery;
    private final PvPlant pv;
    private final TransformerThermal transformer;
    private final MeteredFeed mainFeed;
    private final MeteredFeed auxFeed;
    private long elapsedMillis;
    private double ambientC;
    private double heatWaveRateCPerS;
    private double heatWaveMaxC;
    private double minersW;

    public ContainerModel(SiteConfig site, long seed, long epochStartMillis) {
        this.site = site;
        this.random = new Random(seed);
        this.epochStartMillis = epochStartMillis;
        SimulationConfig sim = site.simulation();
        this.ambientC = sim.ambientC();
        MinerFleetConfig fleet = site.miners();
        int n = fleet.count();
        socketOn = new boolean[n];
        for (int i = 0; i < n; i++) {
            socketOn[i] = true;
            Optional<MinerModel> model = fleet.modelOf(i);
            miners.add(new Miner(i, FleetUnits.of(fleet, sim.minerSpread(), i), sim.sleepSecondsOf(model),
                    sim.wakeSecondsOf(model), random.nextGaussian() * 0.3));
        }
        minersW = fleet.ratedFleetPowerW();
        loop = new CoolingLoop(CoolingLoop.steadySupplyC(minersW, cdu.flowM3h(), cdu.fanPct(), ambientC));
        loop.step(0, minersW, cdu.flowM3h(), cdu.fanPct(), ambientC);
        battery = new Battery(sim.batteryCapacityKwh(), sim.batteryInitialSocPct());
        pv = new PvPlant(sim.pv());
        grid = new GridFrequency(site.grid().frequency().map(FrequencyGuardSettings::nominalHz)
                .orElse(MeteredFeed.NOMINAL_HZ));
        pv.step(0, epochStartMillis);
        double rating = site.limits().transformerRatingKva();
        mainFeed = new MeteredFeed(rating, 1_250_000, 12);
        auxFeed = new MeteredFeed(rating, 85_000, 12);
        updateFeeds(0);
        transformer = new TransformerThermal(rating, mainFeed.apparentKva(), ambientC);
    }

    /** Advances simulated time by whole ticks (rounded down), e.g. {@code advance(60_000)} = 600 ticks. */
    public synchronized void advance(long millis) {
        for (long t = 0; t + TICK_MILLIS <= millis; t += TICK_MILLIS) {
            step();
        }
    }

    /** One tick of {@link #TICK_MILLIS}. */
    public synchronized void step() {
        double dt = TICK_MILLIS / 1000.0;
        elapsedMillis += TICK_MILLIS;
        stepAmbient(dt);
        cdu.step(dt);
        double supply = loop.supplyC();
        double loopRise = loop.returnC() - supply;
        double avgW = miners.isEmpty() ? 0 : minersW / miners.size();
        double total = 0;
        for (Miner m : miners) {
            double rise = avgW > 1 ? loopRise * m.powerW() / avgW : 0;
            m.step(dt, socketOn[m.index()], supply, rise);
            total += m.powerW();
        }
        minersW = total;
        loop.step(dt, minersW, cdu.flowM3h(), cdu.fanPct(), ambientC);
        battery.step(dt);
        pv.step(dt, epochMillis());
        grid.step(dt);
        updateFeeds(dt);
        transformer.step(dt, mainFeed.apparentKva(), ambientC);
    }

    private void stepAmbient(double dt) {
        double base = site.simulation().ambientC();
        if (heatWaveRateCPerS > 0) {
            ambientC = Math.min(heatWaveMaxC, ambientC + heatWaveRateCPerS * dt);
        } else if (heatWaveRateCPerS < 0) {
            ambientC = Math.max(base, ambientC + heatWaveRateCPerS * dt);
        }
    }

    /**
     * More load behind the main meter beside the miners (the GPU servers, whose power models run on this model's
     * time), at the miners' power factor: read at each step.
     */
    public synchronized void addLoad(LongToDoubleFunction kwAtElapsedMillis) {
        otherLoads.add(kwAtElapsedMillis);
    }

    private void updateFeeds(double dt) {
        double auxKw = auxiliaryKw();
        double minersKw = minersW / 1000.0;
        for (LongToDoubleFunction load : otherLoads) {
            minersKw += load.applyAsDouble(elapsedMillis);
        }
        double batteryKw = battery == null ? 0 : battery.powerKw();
        // the battery and PV inverters run at unity power factor: they move active power only
        double q = minersKw * Math.tan(Math.acos(MINER_PF)) + auxKw * Math.tan(Math.acos(AUX_PF));
        mainFeed.step(dt, minersKw + auxKw - batteryKw - pv.kw(), q);
        auxFeed.step(dt, auxKw, auxKw * Math.tan(Math.acos(AUX_PF)));
    }

    /** Auxiliary load: 40 % fixed (controls, lights), the rest scales with pump and fan speed. */
    public synchronized double auxiliaryKw() {
        return site.simulation().auxiliaryLoadKw() * (0.4 + 0.3 * cdu.pumpPct() / 100 + 0.3 * cdu.fanPct() / 100);
    }

    /** A meter's reading of the grid frequency: with noise from the seeded generator (one draw). */
    public synchronized double gridHz() {
        return grid.hz(noise(0.01));
    }

    /** The grid frequency and its {@code freq-dip} fault. */
    public GridFrequency grid() {
        return grid;
    }

    /** Gaussian sensor noise with the given standard deviation, from the seeded generator. */
    public synchronized double noise(double sigma) {
        return random.nextGaussian() * sigma;
    }

    /** Ambient rises by {@code ratePerMinute} up to {@code maxC}; a rate of 0 ends the heat wave. */
    public synchronized void heatWave(double ratePerMinute, double maxC) {
        heatWaveRateCPerS = ratePerMinute / 60.0;
        heatWaveMaxC = maxC;
    }

    /** Ends a heat wave: ambient falls back to the site's ambient at the same rate. */
    public synchronized void endHeatWave() {
        heatWaveRateCPerS = -Math.max(Math.abs(heatWaveRateCPerS), 1.0 / 60);
    }

    public synchronized void setSocket(int miner, boolean on) {
        socketOn[miner] = on;
    }

    public synchronized boolean socketOn(int miner) {
        return socketOn[miner];
    }

    public SiteConfig site() {
        return site;
    }

    public synchronized long elapsedMillis() {
        return elapsedMillis;
    }

    /** Simulated wall-clock time, epoch ms: what miners report as "When". */
    public synchronized long epochMillis() {
        return epochStartMillis + elapsedMillis;
    }

    public synchronized double ambientC() {
        return ambientC;
    }

    public synchronized double supplyC() {
        return loop.supplyC();
    }

    public synchronized double returnC() {
        return loop.returnC();
    }

    public synchronized double flowM3h() {
        return cdu.flowM3h();
    }

    public synchronized double heatRejectedKw() {
        return loop.rejectedW() / 1000.0;
    }

    public synchronized double minersKw() {
        return minersW / 1000.0;
    }

    /** Total active power drawn by the container from the grid, kW. */
    public synchronized double totalKw() {
        return mainFeed.activeKw();
    }

    public Cdu cdu() {
        return cdu;
    }

    public Battery battery() {
        return battery;
    }

    /** The PV plant behind the import meter (rated 0 kW when the site has none). */
    public PvPlant pv() {
        return pv;
    }

    public TransformerThermal transformer() {
        return transformer;
    }

    /** The container's incomer: everything, battery included. */
    public MeteredFeed mainFeed() {
        return mainFeed;
    }

    /** The auxiliary feed (CDU drives, controls, lights). */
    public MeteredFeed auxFeed() {
        return auxFeed;
    }

    public int minerCount() {
        return miners.size();
    }

    /** The miner; read or command it only while holding the model's lock ({@code synchronized (model)}). */
    public Miner miner(int index) {
        return miners.get(index);
    }
}
