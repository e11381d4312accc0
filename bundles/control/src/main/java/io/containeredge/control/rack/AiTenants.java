package io.containeredge.control.rack;

import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.control.load.LoadKind;
import io.containeredge.control.load.LoadKinds;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.AiSettings.Tenant;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;

/**
 * The site's AI tenants: one {@link TenantLoad} each over the site's {@link GpuServers}, their contract counts kept
 * in the {@link ContractFile}, their picture for people, and floor-safe caps on a clean stop.
 */
public final class AiTenants {

    /** How many poll periods a reading may miss before its server counts as unreadable. */
    private static final int MISSED_POLLS = 3;

    private final GpuServers servers;
    private final List<TenantLoad> tenants;
    private final ContractFile file;
    private final ZoneId zone;
    private Map<String, ContractFile.Counts> saved = Map.of();

    /**
     * @param price the energy price economics decides on at a wall-clock time (USD/MWh); NaN without economics
     * @param zone the calendar of the contracts' months (the tariff's)
     */
    public AiTenants(AiSettings ai, GpuServers servers, ContractFile file, LongToDoubleFunction price, ZoneId zone,
            long wallMillis) {
        this.servers = servers;
        this.file = file;
        this.zone = zone;
        YearMonth month = month(wallMillis);
        Map<String, ContractFile.Counts> restored = file.load(month);
        Map<String, Integer> index = new HashMap<>();
        List<AiSettings.GpuServer> all = ai.servers();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i).id(), i);
        }
        List<TenantLoad> loads = new ArrayList<>();
        for (Tenant t : ai.tenants()) {
            ContractFile.Counts c = restored.getOrDefault(t.name(), new ContractFile.Counts(0, 0));
            loads.add(new TenantLoad(t, servers, index, price, zone, ai.poll().multipliedBy(MISSED_POLLS)
                    .plus(ai.requestTimeout()), ai.capSettle(), TenantContract.State.restored(month, c.cappedMillis(),
                    c.breaches())));
        }
        this.tenants = List.copyOf(loads);
        this.saved = restored;
    }

    /** The tenants as load kinds beside the miners, in site order. */
    public LoadKinds loads() {
        return LoadKinds.of(tenants.toArray(LoadKind[]::new));
    }

    /** The tenants as of the last cycle beside {@code now}'s miners; empty before the first cycle. */
    public Optional<AiStatus> status(ControlStatus now) {
        List<AiStatus.Tenant> list = new ArrayList<>();
        for (TenantLoad t : tenants) {
            if (t.status() == null) {
                return Optional.empty();
            }
            list.add(t.status());
        }
        if (now == null) {
            return Optional.empty();
        }
        double aiKw = list.stream().mapToDouble(AiStatus.Tenant::drawKw).sum();
        return Optional.of(new AiStatus(now.timestampMillis(), aiKw, now.minerKw(), list));
    }

    /** Saves the month's counts when they changed; called off the control thread every few seconds. */
    public void saveCounts() {
        Map<String, ContractFile.Counts> now = new LinkedHashMap<>();
        YearMonth month = null;
        for (TenantLoad t : tenants) {
            TenantContract.State s = t.contract();
            month = s.month();
            now.put(t.tenant().name(), new ContractFile.Counts(s.cappedMillis(), s.breaches()));
        }
        if (month != null && !Objects.equals(now, saved)) {
            file.save(month, now);
            saved = now;
        }
    }

    /** A clean stop: floor-safe caps on every server (waiting at most {@code millis} per tenant), counts saved. */
    public void stop(long millis) {
        tenants.forEach(t -> t.stop(millis));
        saveCounts();
        servers.close();
    }

    private YearMonth month(long wallMillis) {
        return YearMonth.from(Instant.ofEpochMilli(wallMillis).atZone(zone));
    }
}
