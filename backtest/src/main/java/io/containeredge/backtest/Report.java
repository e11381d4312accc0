package io.containeredge.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.replay.ReplayInputs;
import io.containeredge.control.replay.ReplayResult;
import io.containeredge.site.api.SiteConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A backtest's figures for people (text) or programs (one JSON object with the same numbers). */
record Report(SiteConfig site, BacktestCommand.Options options, ReplayInputs inputs, ReplayResult result,
        double wallSeconds) {

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
        line(s, "hours", "%.1f", r.hours(), "h");
        line(s, "energy", "%,.1f", r.energyMwh(), "MWh");
        line(s, "energy cost", "%,.0f", r.energyCostUsd(), "USD");
        line(s, "revenue", "%,.0f", r.revenueUsd(), "USD");
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

    private static void line(StringBuilder s, String name, String format, double value, String unit) {
        s.append(String.format(Locale.ROOT, "  %-15s " + format + " %s%n", name, value, unit));
    }
}
