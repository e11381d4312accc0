package io.containeredge.simulator.bench;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import io.containeredge.modbus.client.J2modClient;
import io.containeredge.modbus.image.ProcessImage;
import io.containeredge.modbus.plan.PollPlanner;
import io.containeredge.modbus.plan.ReadRequest;
import io.containeredge.modbus.poll.PointResolvers;
import io.containeredge.modbus.poll.ResponseDecoder;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.device.ConnectionConfig;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteDocuments;
import io.containeredge.modbus.sunspec.SunSpecModels;
import io.containeredge.modbus.value.PointValue;
import io.containeredge.simulator.Simulator;
import io.containeredge.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the poll path on the demo site with every point in the fast class: requests per cycle
 * against the fewest possible, registers per second, read latency, and the cost of our layer
 * (j2mod client + decoding + process image) against a bare j2mod loop reading the same registers.
 * Usage: {@code java -cp containeredge-sim.jar io.containeredge.simulator.bench.PollBenchmark [cycles]}
 */
public final class PollBenchmark {

    private record Planned(DeviceConfig device, ReadRequest request, ResponseDecoder decoder) {
    }

    private PollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        LoadedSite site = SiteDocuments.loadBuiltIn("demo-container");
        try (Simulator sim = Simulator.start(site, SimulatorOptions.defaults().withModbusBasePort(0)
                .withServeMiners(false))) {
            List<Planned> plan = new ArrayList<>();
            int minimum = 0;
            int registersPerCycle = 0;
            for (DeviceConfig d : site.config().devices()) {
                ConnectionConfig c = connection(site, d, sim);
                DeviceProfile profile = site.profileOf(d.id());
                List<PointDef> points;
                try (J2modClient client = new J2modClient(c)) {
                    points = PointResolvers.forProfile(profile, SunSpecModels.builtIn()).resolve(client, d.unitId());
                }
                ResponseDecoder decoder = new ResponseDecoder(d.id());
                for (ReadRequest r : PollPlanner.plan(points, profile.unreadable(), c.maxGap())) {
                    plan.add(new Planned(d, r, decoder));
                    registersPerCycle += r.count();
                }
                minimum += PollPlanner.plan(points, profile.unreadable(), 65535).size();
            }
            System.out.printf("demo site, all points fast: %d requests per cycle (fewest possible %d), %d registers per cycle%n",
                    plan.size(), minimum, registersPerCycle);
            Result ours = measureOurs(site, sim, plan, cycles);
            Result bare = measureBare(site, sim, plan, cycles);
            ours.print("containeredge (j2mod + decode + image)", registersPerCycle);
            bare.print("bare j2mod loop", registersPerCycle);
            System.out.printf("overhead per cycle: %.2fx the bare j2mod loop (%.3f ms vs %.3f ms)%n",
                    ours.cycleMillis() / bare.cycleMillis(), ours.cycleMillis(), bare.cycleMillis());
        }
    }

    private static ConnectionConfig connection(LoadedSite site, DeviceConfig d, Simulator sim) {
        ConnectionConfig c = site.config().connection(d.connection()).orElseThrow();
        return c.at("127.0.0.1", sim.port(c.id()));
    }

    private static Result measureOurs(LoadedSite site, Simulator sim, List<Planned> plan, int cycles) throws Exception {
        ProcessImage image = new ProcessImage();
        plan.forEach(p -> p.request().points().forEach(pt -> ResponseDecoder.namesOf(pt)
                .forEach(n -> image.declare(p.device().id(), n, pt.unit(), 60_000))));
        Map<String, J2modClient> clients = new HashMap<>();
        try {
            long[] latencies = new long[plan.size() * cycles];
            int n = 0;
            J2modClient[] byRequest = new J2modClient[plan.size()];
            for (int i = 0; i < plan.size(); i++) {
                ConnectionConfig c = connection(site, plan.get(i).device(), sim);
                byRequest[i] = clients.computeIfAbsent(c.id(), id -> new J2modClient(c));
            }
            warmUp(() -> runOurs(plan, byRequest, image, new long[plan.size()], 0));
            long start = System.nanoTime();
            for (int cycle = 0; cycle < cycles; cycle++) {
                n = runOurs(plan, byRequest, image, latencies, n);
            }
            return new Result(System.nanoTime() - start, cycles, latencies);
        } finally {
            clients.values().forEach(J2modClient::close);
        }
    }

    private static int runOurs(List<Planned> plan, J2modClient[] clients, ProcessImage image, long[] latencies, int n)
            throws Exception {
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            long t0 = System.nanoTime();
            int[] response = clients[i].read(p.device().unitId(), p.request().table(), p.request().start(),
                    p.request().count());
            List<PointValue> values = p.decoder().decode(p.request(), response, System.currentTimeMillis());
            image.update(values);
            latencies[n++] = System.nanoTime() - t0;
        }
        return n;
    }

    private static Result measureBare(LoadedSite site, Simulator sim, List<Planned> plan, int cycles) throws Exception {
        ModbusTCPMaster[] masters = new ModbusTCPMaster[plan.size()];
        List<ModbusTCPMaster> open = new ArrayList<>();
        for (String id : site.config().connections().stream().map(ConnectionConfig::id).toList()) {
            ModbusTCPMaster m = new ModbusTCPMaster("127.0.0.1", sim.port(id), 500, false, false);
            m.connect();
            m.setRetries(1);
            open.add(m);
            for (int i = 0; i < plan.size(); i++) {
                if (plan.get(i).device().connection().equals(id)) {
                    masters[i] = m;
                }
            }
        }
        try {
            long[] latencies = new long[plan.size() * cycles];
            warmUp(() -> runBare(plan, masters, new long[plan.size()], 0));
            int n = 0;
            long start = System.nanoTime();
            for (int cycle = 0; cycle < cycles; cycle++) {
                n = runBare(plan, masters, latencies, n);
            }
            return new Result(System.nanoTime() - start, cycles, latencies);
        } finally {
            open.forEach(ModbusTCPMaster::disconnect);
        }
    }

    private static int runBare(List<Planned> plan, ModbusTCPMaster[] masters, long[] latencies, int n) throws Exception {
        for (int i = 0; i < plan.size(); i++) {
            ReadRequest r = plan.get(i).request();
            int unit = plan.get(i).device().unitId();
            long t0 = System.nanoTime();
            switch (r.table()) {
                case COIL -> masters[i].readCoils(unit, r.start(), r.count());
                case DISCRETE_INPUT -> masters[i].readInputDiscretes(unit, r.start(), r.count());
                case INPUT_REGISTER -> masters[i].readInputRegisters(unit, r.start(), r.count());
                case HOLDING_REGISTER -> masters[i].readMultipleRegisters(unit, r.start(), r.count());
            }
            latencies[n++] = System.nanoTime() - t0;
        }
        return n;
    }

    private interface Cycle {
        int run() throws Exception;
    }

    private static void warmUp(Cycle cycle) throws Exception {
        for (int i = 0; i < 50; i++) {
            cycle.run();
        }
    }

    private record Result(long nanos, int cycles, long[] latencies) {

        double cycleMillis() {
            return nanos / 1e6 / cycles;
        }

        void print(String name, int registersPerCycle) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double seconds = nanos / 1e9;
            System.out.printf("%s: %d cycles in %.2f s, %.3f ms per cycle, %.0f registers/s, read latency p50 %.3f ms p99 %.3f ms%n",
                    name, cycles, seconds, cycleMillis(), registersPerCycle * cycles / seconds,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }
    }
}
