package io.containeredge.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.replay.ReplayInputs;
import io.containeredge.control.replay.ReplayResult;
import io.containeredge.control.replay.SiteEnergy;
import io.containeredge.control.replay.SiteResult;
import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.SiteConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A backtest's figures for people (text) or programs (one JSON object with the same numbers). */
record Report(SiteConfig site, BacktestCommand.Options options, ReplayInputs inputs, SiteEnergy energy,
        ReplayResult result, double wallSeconds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String text() {
        ReplayResult r = result;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "backtest: site %s/%s, %d miners, strategy %s%n", site.site(),
                site.container(), r.miners(), r.strategy()));
        s.append(String.format(Locale.ROOT, "prices: %s, %d slots of %d min from %s to %s%n", options.prices(),
                inputs.prices().size(), inputs.prices().get(0).length().toMinutes(),
                Instant.ofEpochMilli(inputs.startMillis()), Instant.ofEpochMilli(inputs.endMillis())));
        s.append(String.format(Locale.ROOT, "hashprice: %s USD/TH/day, pool fee %.1f %%; economics hold time %s%n",
                options.hashprice(), inputs.poolFee() * 100, BacktestCommand.holdTime(site)));
        if (energy != SiteEnergy.MINERS_ONLY) {
            s.append(siteLine());
        }
        SiteResult m = r.site();
        line(s, "hours", "%.1f", r.hours(), "h");
        line(s, "energy", "%,.1f", r.energyMwh(), "MWh");
        line(s, "energy cost", "%,.0f", r.energyCostUsd(), "USD");
        line(s, "revenue", "%,.0f", r.revenueUsd(), "USD");
        if (energy != SiteEnergy.MINERS_ONLY) {
            line(s, "imported", "%,.1f", m.importMwh(), "MWh");
            line(s, "exported", "%,.1f", m.exportMwh(), "MWh");
            line(s, "export revenue", "%,.0f", m.exportUsd(), "USD");
            line(s, "battery wear", "%,.0f", m.wearUsd(), "USD");
            line(s, "battery cycles", "%,.1f", m.cycles(), "");
            line(s, "PV used", "%,.1f", m.pvUsedMwh(), "MWh");
            line(s, "PV curtailed", "%,.1f", m.pvCurtailedMwh(), "MWh");
            s.append(String.format(Locale.ROOT, "  %-15s %,.0f kW (cap %,.0f kW)%n", "max import", m.maxImportKw(),
                    m.importCapKw()));
        }
        if (m.plans() > 0) {
            s.append(String.format(Locale.ROOT, "  %-15s %d, %d without a plan, %.1f s solving%n", "plans", m.plans(),
                    m.planFailures(), m.solveSeconds()));
        }
        line(s, "profit", "%,.0f", r.profitUsd(), "USD");
        line(s, "uptime", "%.2f", r.uptimePct(), "%");
        line(s, "state changes", "%.3f", r.stateChangesPerMinerDay(), "per miner-day");
        s.append(String.format(Locale.ROOT, "replayed in %.1f s wall time, %d decision steps", wallSeconds, r.steps()));
        return s.toString();
    }

    String json() {
        ReplayResult r = result;
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("site", site.site() + "/" + site.container());
        o.put("strategy", r.strategy());
        o.put("miners", r.miners());
        o.put("prices", options.prices());
        o.put("slots", inputs.prices().size());
        o.put("from", Instant.ofEpochMilli(inputs.startMillis()).toString());
        o.put("to", Instant.ofEpochMilli(inputs.endMillis()).toString());
        o.put("poolFee", inputs.poolFee());
        o.put("hours", r.hours());
        o.put("energyMwh", r.energyMwh());
        o.put("energyCostUsd", r.energyCostUsd());
        o.put("revenueUsd", r.revenueUsd());
        o.put("profitUsd", r.profitUsd());
        SiteResult m = r.site();
        o.put("importMwh", m.importMwh());
        o.put("exportMwh", m.exportMwh());
        o.put("exportRevenueUsd", m.exportUsd());
        o.put("batteryWearUsd", m.wearUsd());
        o.put("batteryCycles", m.cycles());
        o.put("batteryThroughputMwh", m.throughputMwh());
        o.put("pvUsedMwh", m.pvUsedMwh());
        o.put("pvCurtailedMwh", m.pvCurtailedMwh());
        o.put("maxImportKw", m.maxImportKw());
        o.put("importCapKw", Double.isFinite(m.importCapKw()) ? m.importCapKw() : null);
        o.put("plans", m.plans());
        o.put("planFailures", m.planFailures());
        o.put("solveSeconds", m.solveSeconds());
        o.put("uptimePct", r.uptimePct());
        o.put("stateChangesPerMinerDay", r.stateChangesPerMinerDay());
        o.put("steps", r.steps());
        o.put("wallSeconds", wallSeconds);
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("numbers and strings always serialize", e);
        }
    }

    /** The site around the miners as replayed. */
    private String siteLine() {
        PlannerSettings p = energy.planner();
        String battery = p.battery().map(b -> String.format(Locale.ROOT, "%.0f kWh / %.0f kW, round trip %.2f, wear"
                + " %.0f USD/MWh", b.capacityKwh(), b.maxDischargeKw(), b.roundTripEfficiency(), b.wearUsdPerMwh()))
                .orElse("none");
        return String.format(Locale.ROOT, "site: battery %s; PV %.0f kW; export %.0f kW at %s; firm load %.0f kW;"
                + " import cap %.0f kW; re-plan every %d min%n", battery, p.pvRatedKw(), p.export().limitKw(),
                p.export().price() == PlannerSettings.ExportPrice.FIXED ? p.export().usdPerMwh() + " USD/MWh"
                        : p.export().price().name().toLowerCase(Locale.ROOT), p.firmLoadKw(), energy.importCapKw(),
                p.replanEvery().toMinutes());
    }

    private static void line(StringBuilder s, String name, String format, double value, String unit) {
        s.append(String.format(Locale.ROOT, "  %-15s " + format + " %s%n", name, value, unit));
    }
}
