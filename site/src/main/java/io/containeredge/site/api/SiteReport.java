package io.containeredge.site.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.containeredge.site.internal.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a container tells the site coordinator every few seconds ({@link SiteTopics#report}, JSON): everything the
 * coordinator allocates from, so a new leader needs no state handed over. All power figures are the container's
 * import in kW (what its meter at the container's feed sees), the unit of the point of interconnection's cap.
 *
 * <pre>
 * {"site":"demo-site","container":"c-01","timestamp":1796000000000,"importKw":1012.4,"committedKw":998.0,
 *  "hardImportKw":1500.0,"otherKw":61.0,"firmKw":120.0,"offers":[{"kw":3.5,"valuePerKw":0.042},...],"fallbackKw":400.0,
 *  "lease":{"epoch":7,"seq":4211,"budgetKw":1100.0,"expiresAt":1796000030000,"state":"LEASED"},
 *  "battery":{"socPct":63.0,"kw":-20.0}}
 * </pre>
 *
 * @param importKw the container's import now; NaN (null in JSON) when its meter's reading is not good
 * @param committedKw what its controller has committed the import to: the other load plus what its commands allow
 *     the controllable loads. It meets a new budget one control cycle after the lease; the import follows as the
 *     loads obey (a miner's power target takes about a second per kW, its sleep some seconds). NaN (null or absent
 *     in JSON: gateways before this field) when unknown
 * @param hardImportKw what the container's own hard limits (thermal, power, trips) allow its import now: a budget
 *     above it is of no use, and the coordinator gives the difference to others
 * @param otherKw what the container draws beside its controllable loads (cooling, auxiliaries, the battery's charging
 *     less PV): not the coordinator's to move
 * @param firmKw the controllable loads' firm floors (AI tenants' contracts): served before any flexible load
 * @param offers the flexible load above the floors, in blocks of kW at a value (USD/h per kW), highest value first
 * @param fallbackKw the share the container holds to without a lease (its own configuration's)
 * @param lease the lease in force, null when the container has none
 * @param battery the battery, null when the container has none
 */
public record SiteReport(String site, String container, long timestampMillis, double importKw, double committedKw,
        double hardImportKw, double otherKw, double firmKw, List<Offer> offers, double fallbackKw, LeaseState lease,
        Battery battery) {

    private static final Set<String> FIELDS = Set.of("site", "container", "timestamp", "importKw", "committedKw",
            "hardImportKw", "otherKw", "firmKw", "offers", "fallbackKw", "lease", "battery");
    private static final int MAX_OFFERS = 2000;

    public SiteReport {
        offers = List.copyOf(offers);
    }

    /** A block of flexible load: {@code kw} worth {@code valuePerKw} USD/h per kW. */
    public record Offer(double kw, double valuePerKw) {
    }

    /** The container's lease as it stands: LEASED (a valid lease), FALLBACK (ended, on the share) or NONE (never had one). */
    public record LeaseState(long epoch, long seq, double budgetKw, long expiresAtMillis, String state) {
    }

    public record Battery(double socPct, double kw) {
    }

    public String toJson() {
        ObjectNode o = StrictJson.object();
        o.put("site", site).put("container", container).put("timestamp", timestampMillis);
        putNumber(o, "importKw", importKw);
        putNumber(o, "committedKw", committedKw);
        o.put("hardImportKw", hardImportKw).put("otherKw", otherKw).put("firmKw", firmKw);
        ArrayNode list = o.putArray("offers");
        offers.forEach(f -> list.addObject().put("kw", f.kw()).put("valuePerKw", f.valuePerKw()));
        o.put("fallbackKw", fallbackKw);
        if (lease != null) {
            o.putObject("lease").put("epoch", lease.epoch()).put("seq", lease.seq()).put("budgetKw", lease.budgetKw())
                    .put("expiresAt", lease.expiresAtMillis()).put("state", lease.state());
        }
        if (battery != null) {
            o.putObject("battery").put("socPct", battery.socPct()).put("kw", battery.kw());
        }
        return StrictJson.write(o);
    }

    /** @throws IllegalArgumentException naming what is wrong with the report */
    public static SiteReport fromJson(String body) {
        StrictJson j = StrictJson.parse("site report", body, FIELDS);
        JsonNode list = j.required("offers");
        if (!list.isArray() || list.size() > MAX_OFFERS) {
            throw new IllegalArgumentException("site report: offers must be an array of at most " + MAX_OFFERS);
        }
        List<Offer> offers = new ArrayList<>();
        for (JsonNode n : list) {
            StrictJson f = StrictJson.of("site report offer", n, Set.of("kw", "valuePerKw"));
            double kw = f.number("kw");
            if (kw < 0) {
                throw new IllegalArgumentException("site report: an offer's kw must not be negative");
            }
            offers.add(new Offer(kw, f.number("valuePerKw")));
        }
        return new SiteReport(j.id("site"), j.id("container"), j.integer("timestamp"), j.numberOrNaN("importKw"),
                j.numberOrNaN("committedKw"), nonNegative(j, "hardImportKw"), j.number("otherKw"),
                nonNegative(j, "firmKw"), offers, nonNegative(j, "fallbackKw"), lease(j.optional("lease")), battery(j.optional("battery")));
    }

    private static LeaseState lease(JsonNode n) {
        if (n == null) {
            return null;
        }
        StrictJson l = StrictJson.of("site report lease", n, Set.of("epoch", "seq", "budgetKw", "expiresAt", "state"));
        String state = l.text("state");
        if (!Set.of("LEASED", "FALLBACK", "NONE").contains(state)) {
            throw new IllegalArgumentException("site report: lease state must be LEASED, FALLBACK or NONE");
        }
        return new LeaseState(l.integer("epoch"), l.integer("seq"), l.number("budgetKw"), l.integer("expiresAt"),
                state);
    }

    private static Battery battery(JsonNode n) {
        if (n == null) {
            return null;
        }
        StrictJson b = StrictJson.of("site report battery", n, Set.of("socPct", "kw"));
        return new Battery(b.number("socPct"), b.number("kw"));
    }

    private static double nonNegative(StrictJson j, String field) {
        double v = j.number(field);
        if (v < 0) {
            throw new IllegalArgumentException(j.what() + ": " + field + " must not be negative");
        }
        return v;
    }

    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
