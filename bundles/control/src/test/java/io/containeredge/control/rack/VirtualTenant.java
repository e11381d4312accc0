package io.containeredge.control.rack;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.load.LoadBudget;
import io.containeredge.control.load.LoadSteps;
import io.containeredge.control.load.LoadUnit;
import io.containeredge.control.scenario.VirtualLoad;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.AiSettings.Contract;
import io.containeredge.site.api.AiSettings.GpuServer;
import io.containeredge.site.api.AiSettings.Tenant;
import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A real {@link TenantLoad} over {@link VirtualGpuServers}, behind the scenario's main meter: what the servers draw
 * counts in the import the loop reads.
 */
final class VirtualTenant implements VirtualLoad {

    static final String NAME = "ai:aurora";
    static final Duration CAP_SETTLE = Duration.ofSeconds(10);

    final VirtualGpuServers servers;
    final TenantLoad load;
    /** The energy price economics decides on, USD/MWh; NaN: none. */
    double priceUsdPerMwh = Double.NaN;

    /** {@code count} servers of {@code ratedKw} each under {@code contract}. */
    VirtualTenant(int count, double ratedKw, Contract contract) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "gpu-" + i).toList();
        List<GpuServer> list = ids.stream().map(id -> new GpuServer(id, URI.create("https://127.0.0.1:1"), "1",
                ratedKw * 1000, AiSettings.Auth.SESSION, "bmc.txt", new AiSettings.Trust(java.util.Optional.of("00"),
                java.util.Optional.empty()))).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        this.servers = new VirtualGpuServers(ids, ratedKw * 1000);
        LongToDoubleFunction price = wall -> priceUsdPerMwh;
        this.load = new TenantLoad(new Tenant("aurora", contract, list), servers, index, price, ZoneOffset.UTC,
                Duration.ofSeconds(3), CAP_SETTLE, TenantContract.State.fresh(YearMonth.of(2027, 1)));
    }

    static Contract contract(double floorKw, double flexKw, double flexUsdPerMwh) {
        return new Contract(floorKw, flexKw, flexUsdPerMwh, 40, Duration.ZERO);
    }

    AiStatus.Tenant status() {
        return load.status();
    }

    @Override
    public double drawKw() {
        return servers.drawKw();
    }

    @Override
    public String name() {
        return load.name();
    }

    @Override
    public Commitment commitment() {
        return load.commitment();
    }

    @Override
    public double floorKw() {
        return load.floorKw();
    }

    @Override
    public double valuePerKw() {
        return load.valuePerKw();
    }

    @Override
    public List<LoadBudget.Offer> offers(double ratedKw) {
        return load.offers(ratedKw);
    }

    @Override
    public boolean capped() {
        return load.capped();
    }

    @Override
    public LoadSteps steps() {
        return load.steps();
    }

    @Override
    public List<AlarmCondition> alarms() {
        return load.alarms();
    }

    @Override
    public List<LoadUnit> observe(Cycle cycle) {
        servers.advanceTo(cycle.nowMillis());
        return load.observe(cycle);
    }

    @Override
    public double apply(Arbiter.Decision grant, Cycle cycle) {
        return load.apply(grant, cycle);
    }
}
