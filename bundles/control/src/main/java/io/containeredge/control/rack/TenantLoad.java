package io.containeredge.control.rack;

import io.containeredge.control.allocation.Arbiter;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.AlarmCondition;
import io.containeredge.control.api.AlarmCondition.Severity;
import io.containeredge.control.limit.Cycle;
import io.containeredge.control.load.LoadBudget;
import io.containeredge.control.load.LoadKind;
import io.containeredge.control.load.LoadSteps;
import io.containeredge.control.load.LoadUnit;
import io.containeredge.site.api.AiSettings.Contract;
import io.containeredge.site.api.AiSettings.GpuServer;
import io.containeredge.site.api.AiSettings.Tenant;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AI tenant's GPU servers as a load kind: firm up to the contract's floor, its band offered by value
 * ({@link TenantContract}), capped out of band through the servers' BMCs ({@link ServerCaps}, {@link CapWriter}).
 * A server that cannot be read counts at its rating, so the miners keep clear of what it might draw. One control
 * thread calls {@link #observe} and {@link #apply}; {@link #status} may be read from any thread.
 */
public final class TenantLoad implements LoadKind {

    private static final Logger LOG = LoggerFactory.getLogger(TenantLoad.class);

    private final Tenant tenant;
    private final GpuServers servers;
    private final LongToDoubleFunction priceUsdPerMwh;
    private final ZoneId zone;
    private final long maxAgeMillis;
    private final Map<String, CapWriter> writers;
    private final Map<String, Integer> indexOf;
    private volatile TenantContract.State contract;
    private TenantContract.Band band;
    /** The energy price of this cycle, read once in {@link #observe}. */
    private double price = Double.NaN;
    private List<GpuReading> readings;
    private List<LoadUnit> units = List.of();
    private long nowMillis;
    /** The first cycle's time: a server not answered yet is counted at its rating but alarmed only after a poll age. */
    private long startedMillis = Long.MIN_VALUE;
    private volatile List<AlarmCondition> alarms = List.of();
    private volatile AiStatus.Tenant status;

    /**
     * @param siteIndex each server's position in {@link GpuServers#readings()}, by id
     * @param priceUsdPerMwh the energy price economics decides on at a wall-clock time; NaN without economics
     * @param maxAge a reading older than this counts as unreadable
     * @param restored this month's counts from the contract file
     */
    public TenantLoad(Tenant tenant, GpuServers servers, Map<String, Integer> siteIndex,
            LongToDoubleFunction priceUsdPerMwh, ZoneId zone, Duration maxAge, Duration capSettle,
            TenantContract.State restored) {
        this.tenant = tenant;
        this.servers = servers;
        this.priceUsdPerMwh = priceUsdPerMwh;
        this.zone = zone;
        this.maxAgeMillis = maxAge.toMillis();
        this.indexOf = Map.copyOf(siteIndex);
        this.writers = tenant.servers().stream().collect(Collectors.toUnmodifiableMap(GpuServer::id,
                s -> new CapWriter(s.id(), s.ratedW(), capSettle.toMillis())));
        this.contract = restored;
        this.readings = tenant.servers().stream().map(s -> GpuReading.unread(s.id())).toList();
        this.band = new TenantContract.Band(tenant.contract().flexUsdPerMwh() / 1000, false, "");
    }

    @Override
    public String name() {
        return "ai:" + tenant.name();
    }

    @Override
    public Commitment commitment() {
        return Commitment.FIRM;
    }

    @Override
    public double floorKw() {
        return tenant.contract().floorKw();
    }

    @Override
    public double valuePerKw() {
        return band.valuePerKw();
    }

    /** Its band, between the floor and floor + band (or what the servers can draw), at the contract's terms. */
    @Override
    public List<LoadBudget.Offer> offers(double ratedKw) {
        double top = topKw(ratedKw);
        double bandKw = band.cappedForPrice() ? 0 : Math.max(0, top - Math.min(floorKw(), top));
        return List.of(new LoadBudget.Offer(bandKw, band.valuePerKw()));
    }

    @Override
    public boolean capped() {
        return true;
    }

    @Override
    public LoadSteps steps() {
        return new LoadSteps(0, false, false, Duration.ofMillis(maxAgeMillis));
    }

    @Override
    public List<LoadUnit> observe(Cycle cycle) {
        nowMillis = cycle.nowMillis();
        if (startedMillis == Long.MIN_VALUE) {
            startedMillis = nowMillis;
        }
        List<GpuReading> all = servers.readings();
        List<GpuReading> mine = new ArrayList<>(tenant.servers().size());
        List<LoadUnit> now = new ArrayList<>(tenant.servers().size());
        for (GpuServer s : tenant.servers()) {
            GpuReading r = all.get(indexOf.get(s.id()));
            mine.add(r);
            boolean fresh = r.fresh(nowMillis, maxAgeMillis);
            now.add(new LoadUnit(s.id(), fresh ? r.drawW() : s.ratedW(), s.ratedW(), true));
        }
        readings = mine;
        units = now;
        price = priceUsdPerMwh.applyAsDouble(cycle.wallMillis());
        band = TenantContract.band(tenant.contract(), contract, price, cycle.wallMillis(), zone);
        return now;
    }

    @Override
    public double apply(Arbiter.Decision grant, Cycle cycle) {
        Contract c = tenant.contract();
        double top = topKw(ratedKw());
        double grantKw = Math.min(grant.maxMinerKw(), top);
        double[] caps = ServerCaps.of(grantKw, tenant.servers(), readings);
        List<AlarmCondition> now = new ArrayList<>();
        for (int i = 0; i < caps.length; i++) {
            GpuServer s = tenant.servers().get(i);
            GpuReading r = readings.get(i);
            boolean firstPoll = r.readAtMillis() == Long.MIN_VALUE && nowMillis - startedMillis < maxAgeMillis;
            now.addAll(writers.get(s.id()).follow(caps[i], r, r.fresh(nowMillis, maxAgeMillis), firstPoll, servers,
                    nowMillis));
        }
        TenantContract.State next = TenantContract.account(c, contract, price, grantKw, top, cycle.wallMillis(), zone);
        String reason = reason(grant, grantKw, top, next);
        if (next.inBreach()) {
            now.add(new AlarmCondition("ai.floor-breach." + tenant.name(), Severity.WARNING, name(), "tenant "
                    + tenant.name() + " held under its firm floor of " + CapWriter.kw(c.floorKw() * 1000) + " kW: "
                    + reason + " (contract breach " + next.breaches() + " this month)", grantKw));
            if (!contract.inBreach()) {
                LOG.warn("contract breach: tenant {} given {} kW under its floor of {} kW: {}", tenant.name(),
                        CapWriter.kw(grantKw * 1000), c.floorKw(), reason);
            }
        }
        contract = next;
        alarms = List.copyOf(now);
        status = status(grantKw, reason);
        return grantKw;
    }

    /** What was wrong with the servers or the contract in the last cycle. */
    @Override
    public List<AlarmCondition> alarms() {
        return alarms;
    }

    /** The last cycle's picture; null before the first. */
    public AiStatus.Tenant status() {
        return status;
    }

    /** This month's counts, for the contract file. */
    public TenantContract.State contract() {
        return contract;
    }

    public Tenant tenant() {
        return tenant;
    }

    /**
     * Floor-safe caps for a clean stop: each server at its share of the floor (nothing absorbs the band's swings
     * while the gateway is away), or lower where a hard limit holds it lower now. Waits at most {@code millis}.
     */
    public void stop(long millis) {
        double[] floor = ServerCaps.of(tenant.contract().floorKw(), tenant.servers(), readings);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < floor.length; i++) {
            CapWriter w = writers.get(tenant.servers().get(i).id());
            double cap = Double.isNaN(w.sentW()) ? floor[i] : Math.min(floor[i], w.sentW());
            sent.add(w.sendNow(cap, servers));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(millis, TimeUnit.MILLISECONDS);
            LOG.info("tenant {}: floor-safe caps sent to its {} servers", tenant.name(), floor.length);
        } catch (Exception e) {
            LOG.warn("tenant {}: floor-safe caps not all confirmed on stop: {}", tenant.name(), e.getMessage());
        }
    }

    private double ratedKw() {
        return tenant.ratedKw();
    }

    /** Floor + band, or what the servers can draw when that is less. */
    private double topKw(double ratedKw) {
        return Math.min(tenant.contract().maxKw(), ratedKw);
    }

    private String reason(Arbiter.Decision grant, double grantKw, double topKw, TenantContract.State s) {
        String given = "given " + CapWriter.kw(grantKw * 1000) + " of " + CapWriter.kw(topKw * 1000) + " kW";
        if (s.inBreach()) {
            return given + ", under the floor: " + hardCause(grant);
        }
        if (!s.capped()) {
            return given + ": floor and band served (" + band.note() + ")";
        }
        if (band.cappedForPrice()) {
            return given + ": " + band.note();
        }
        return given + ": band capped by " + grant.binding().guard() + " (" + grant.binding().reason() + "), "
                + band.note() + (band.valuePerKw() == Double.POSITIVE_INFINITY ? ""
                        : ", the miners' steps worth more are served first");
    }

    private static String hardCause(Arbiter.Decision grant) {
        return grant.hardBinding().map(v -> v.guard() + ": " + v.reason()).orElse(grant.binding().guard());
    }

    private AiStatus.Tenant status(double grantKw, String reason) {
        Contract c = tenant.contract();
        List<AiStatus.Server> list = new ArrayList<>();
        double capW = 0;
        double drawKw = 0;
        for (int i = 0; i < tenant.servers().size(); i++) {
            GpuServer s = tenant.servers().get(i);
            GpuReading r = readings.get(i);
            boolean fresh = r.fresh(nowMillis, maxAgeMillis);
            list.add(new AiStatus.Server(s.id(), fresh, units.get(i).drawW(), s.ratedW(), r.capW(), r.control(),
                    fresh ? "" : r.problem()));
            double sentW = writers.get(s.id()).sentW();
            capW += Double.isNaN(sentW) ? Double.POSITIVE_INFINITY : sentW;
            drawKw += units.get(i).drawW() / 1000;
        }
        return new AiStatus.Tenant(tenant.name(), c.floorKw(), c.flexKw(), c.flexUsdPerMwh(), drawKw, grantKw,
                capW / 1000, contract.capped() || contract.inBreach(), reason, contract.inBreach(),
                contract.cappedMillis() / 3_600_000.0, c.maxCappedHoursPerMonth(), contract.breaches(), list);
    }
}
