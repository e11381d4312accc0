package io.containeredge.simulator.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.site.api.MinerFleetConfig;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.simulator.DemoSites;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import io.containeredge.simulator.miner.Miner;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo container's physics on a virtual clock, driven through real Modbus writes where it matters. */
class PhysicsTest {

    private Simulator sim;
    private ContainerModel model;
    private ModbusTCPMaster client;

    @BeforeEach
    void setUp() throws Exception {
        sim = Simulator.start(DemoSites.withoutAi(), SimulatorOptions.forTests().withServeMiners(false));
        model = sim.model();
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.disconnect();
        }
        sim.close();
    }

    private ModbusTCPMaster client(String connection) throws Exception {
        if (client != null) {
            client.disconnect();
        }
        client = new ModbusTCPMaster("127.0.0.1", sim.port(connection));
        client.setRetries(0);
        client.setTimeout(1000);
        client.connect();
        return client;
    }

    /** The demo's miners: their rated power is their model's nominal power. */
    private static MinerFleetConfig fleet() {
        try {
            return SiteDocuments.loadBuiltIn("demo-container").config().miners();
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void startsInSteadyStateAtARealisticOperatingPoint() {
        double supply = model.supplyC();
        assertTrue(supply > 33 && supply < 43, "supply " + supply);
        double dt = model.returnC() - supply;
        assertTrue(dt > 5 && dt < 8, "delta T at full load " + dt);
        double ratedKw = fleet().ratedFleetPowerW() / 1000;
        assertEquals(ratedKw, model.minersKw(), 1, "every miner at its model's nominal power");
        sim.advance(Duration.ofMinutes(5));
        assertEquals(supply, model.supplyC(), 0.2, "steady state stays put");
        assertTrue(model.totalKw() > ratedKw + 10 && model.totalKw() < ratedKw + 60,
                "total " + model.totalKw() + ": the miners, the auxiliaries and the cooling");
        assertEquals(model.totalKw(), sim.image("meter-main").number("active_power"), 10);
    }

    @Test
    void pumpStopWarmsTheCoolantAFewKelvinPerMinute() throws Exception {
        double before = model.supplyC();
        sim.inject("pump-stop");
        sim.advance(Duration.ofSeconds(60));
        double rise = model.supplyC() - before;
        assertTrue(rise > 2 && rise < 5, "rise per minute " + rise);
        assertEquals(0, model.flowM3h(), 1e-9);
        assertEquals(Cdu.PumpState.FAULT, model.cdu().pumpState());
        assertEquals("fault", sim.image("cdu").get("pump_state").value());
        assertEquals(0.0, sim.image("cdu").number("flow"), 0.1);
        // the gateway sees it through Modbus: supply register (0.01 degC) follows
        Register[] regs = client("container-gw").readMultipleRegisters(1, 0, 1);
        assertEquals(model.supplyC(), (short) regs[0].getValue() / 100.0, 0.1);
    }

    @Test
    void sleepingMinersLetTheCoolantFallTowardAmbient() {
        synchronized (model) {
            for (int i = 0; i < model.minerCount(); i++) {
                model.miner(i).sleep();
            }
        }
        sim.advance(Duration.ofSeconds(10));
        assertEquals(model.minerCount() * Miner.SLEEP_POWER_W / 1000, model.minersKw(), 0.1);
        sim.advance(Duration.ofMinutes(30));
        double ambient = model.ambientC();
        assertTrue(model.supplyC() - ambient < 2, "supply " + model.supplyC() + " ambient " + ambient);
        assertTrue(model.returnC() - model.supplyC() < 0.1);
    }

    @Test
    void pduSocketOffCutsTheMinerAndTheMeterSeesIt() throws Exception {
        sim.advance(Duration.ofSeconds(1));
        double meterBefore = sim.image("meter-main").number("active_power");
        double totalBefore = model.totalKw();
        // miner 25 = PDU 2 (unit 10), socket 6 (coil address 5)
        client("container-gw").writeCoil(10, 5, false);
        sim.advance(Duration.ofSeconds(1));
        assertEquals(0, model.miner(25).powerW());
        assertEquals(Miner.State.OFF, model.miner(25).state());
        assertEquals(0, sim.image("pdu-02").number("current_06"), 1e-9);
        // PDU 2 feeds miners 20-39
        double pduW = IntStream.range(20, 40).filter(i -> i != 25).mapToDouble(fleet()::ratedPowerWOf).sum();
        assertEquals(pduW, sim.image("pdu-02").number("total_power"), 1);
        double meterAfter = sim.image("meter-main").number("active_power");
        double minerKw = fleet().ratedPowerWOf(25) / 1000;
        assertEquals(minerKw, totalBefore - model.totalKw(), 0.01, "load drops by one miner");
        assertEquals(minerKw, meterBefore - meterAfter, 2, "the meter sees it (0.05 % noise)");
        client.writeCoil(10, 5, true);
        sim.advance(Duration.ofSeconds(Math.round(Miner.COLD_BOOT_SECONDS) + 1));
        assertEquals(Miner.State.HASHING, model.miner(25).state());
    }

    @Test
    void batteryFollowsTheDerSetpointAndRevertsAfterItsTimer() throws Exception {
        double soc0 = model.battery().socPct();
        writeDerSetpoint(-200_000); // charge
        sim.advance(Duration.ofSeconds(30));
        assertEquals(-200, model.battery().powerKw(), 1e-6);
        double expected = soc0 + 200 * 0.97 * 30 / 3600 / 500 * 100;
        assertEquals(expected, model.battery().socPct(), 0.01);
        assertEquals(model.totalKw(), model.minersKw() + model.auxiliaryKw() + 200, 0.01, "charging adds load");
        sim.advance(Duration.ofSeconds(31));
        assertEquals(0, model.battery().powerKw(), 1e-9, "reverted to idle");
        assertEquals(1, model.battery().reversions());
        assertEquals("disabled", sim.image("battery").get("m704.WSetEna").value());
        double socAfter = model.battery().socPct();
        sim.advance(Duration.ofSeconds(30));
        assertEquals(socAfter, model.battery().socPct(), 1e-9);
        assertEquals(model.battery().socPct(), sim.image("battery").number("m802.SoC"), 0.01);
    }

    @Test
    void aStuckBatteryAcceptsTheDerSetpointButDeliversAndReadsZeroUntilCleared() throws Exception {
        sim.inject("battery-stuck");
        double soc0 = model.battery().socPct();
        double total0 = model.totalKw();
        writeDerSetpoint(200_000); // discharge
        sim.advance(Duration.ofSeconds(10));
        assertEquals(200, model.battery().commandKw(), 1e-6, "the setpoint is accepted");
        assertEquals(200_000, sim.image("battery").number("m704.WSet"), 1e-6, "and reads back");
        assertEquals(0, model.battery().powerKw(), 1e-9, "but nothing is delivered");
        assertEquals(0, sim.image("battery").number("m103.W"), 1e-9);
        assertEquals(0, sim.image("battery").number("m701.W"), 1e-9);
        assertEquals(soc0, model.battery().socPct(), 1e-9);
        assertEquals(total0, model.totalKw(), 5, "the import is not lowered");

        sim.inject("clear");
        sim.advance(Duration.ofSeconds(1));
        assertEquals(200, model.battery().powerKw(), 1e-6, "delivers once cleared");
        assertEquals(200_000, sim.image("battery").number("m103.W"), 1e-6);
    }

    @Test
    void batteryFollowsStorageModelRatesAndReverts() throws Exception {
        ModbusTCPMaster m = client("bess");
        int body124 = bodyOf(m, 124);
        int sf = (short) m.readMultipleRegisters(1, body124 + 23, 1)[0].getValue();
        assertEquals(0, sf, "InOutWRte_SF");
        // OutWRte(10) = 40 % of WChaMax (250 kW) = 100 kW discharge; timer 20 s; StorCtl_Mod(3) = discharge
        m.writeMultipleRegisters(1, body124 + 10, regs(40));
        m.writeMultipleRegisters(1, body124 + 13, regs(20));
        m.writeSingleRegister(1, body124 + 3, new SimpleRegister(2));
        sim.advance(Duration.ofSeconds(10));
        assertEquals(100, model.battery().powerKw(), 1e-6);
        assertEquals("discharging", sim.image("battery").get("m802.ChaSt").value());
        sim.advance(Duration.ofSeconds(11));
        assertEquals(0, model.battery().powerKw(), 1e-9);
        assertEquals(0, m.readMultipleRegisters(1, body124 + 3, 1)[0].getValue(), "StorCtl_Mod reverted");
    }

    @Test
    void transformerHeatsWithItsTimeConstants() {
        TransformerThermal t = new TransformerThermal(2500, 900, 25);
        double hot0 = t.hotSpotC();
        double oil0 = t.topOilC();
        for (int i = 0; i < 5 * 60 * 10; i++) {
            t.step(0.1, 2500, 25);
        }
        double windingGain = (t.hotSpotC() - t.topOilC()) - (hot0 - oil0);
        double windingFull = 25 - (hot0 - oil0);
        assertEquals(1 - Math.exp(-1), windingGain / windingFull, 0.02, "winding: one time constant in 5 min");
        assertTrue(t.topOilC() - oil0 < 0.05 * 40, "top oil barely moves in 5 min");
        for (int i = 0; i < 20 * 3600 * 10; i++) {
            t.step(0.1, 2500, 30);
        }
        assertEquals(30 + 55 + 25, t.hotSpotC(), 0.1, "110 degC hot spot at rated load, 30 degC ambient");
    }

    @Test
    void sameSeedSameRun() throws Exception {
        try (Simulator other = Simulator.start(DemoSites.withoutAi(),
                SimulatorOptions.forTests().withServeMiners(false))) {
            sim.inject("heat-wave 3/min 40");
            other.inject("heat-wave 3/min 40");
            sim.advance(Duration.ofMinutes(3));
            other.advance(Duration.ofMinutes(3));
            assertEquals(sim.image("cdu").number("supply_temp"), other.image("cdu").number("supply_temp"));
            assertEquals(34, model.ambientC(), 0.01);
        }
    }

    /** 704: WSetEna(20)=1, WSetMod(21)=1 (watts), WSet(22..23) = {@code watts}, WSetRvrtTms(29..30) = 60 s. */
    private void writeDerSetpoint(int watts) throws Exception {
        ModbusTCPMaster m = client("bess");
        int body704 = bodyOf(m, 704);
        m.writeMultipleRegisters(1, body704 + 20, regs(1, 1));
        m.writeMultipleRegisters(1, body704 + 22, regs(watts >>> 16, watts & 0xFFFF));
        m.writeMultipleRegisters(1, body704 + 29, regs(0, 60));
    }

    private static Register[] regs(int... values) {
        Register[] out = new Register[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = new SimpleRegister(values[i]);
        }
        return out;
    }

    /** Walks the SunSpec chain from 40000 like a client and returns the body address of a model. */
    private static int bodyOf(ModbusTCPMaster m, int modelId) throws Exception {
        Register[] marker = m.readMultipleRegisters(1, 40000, 2);
        assertEquals(0x5375, marker[0].getValue());
        assertEquals(0x6E53, marker[1].getValue());
        int at = 40002;
        while (true) {
            Register[] h = m.readMultipleRegisters(1, at, 2);
            if (h[0].getValue() == 0xFFFF) {
                throw new AssertionError("model " + modelId + " not found");
            }
            if (h[0].getValue() == modelId) {
                return at + 2;
            }
            at += 2 + h[1].getValue();
        }
    }
}
