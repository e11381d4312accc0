package io.containeredge.site.internal;

import static io.containeredge.site.internal.SettingRanges.durationAt;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.PlannerSettings;
import io.containeredge.site.api.PlannerSettings.Derating;
import io.containeredge.site.api.PlannerSettings.Export;
import io.containeredge.site.api.PlannerSettings.ExportPrice;
import io.containeredge.site.api.PlannerSettings.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the optional {@code planner} section once the schema has accepted it, and checks what the schema cannot:
 * the battery's window, the durations' ranges, a fixed export price given, and what the plan needs from the rest
 * of the site (the economics section for prices and the fleet's value, a battery device for a battery section).
 */
final class PlannerParser {

    static final Duration REPLAN_MIN = Duration.ofMinutes(1);
    static final Duration REPLAN_MAX = Duration.ofHours(1);
    static final Duration SOLVE_LIMIT_MIN = Duration.ofMillis(100);
    static final Duration SOLVE_LIMIT_MAX = Duration.ofSeconds(30);
    private static final String PATH = "$.planner";

    private PlannerParser() {
    }

    /** The section read, or the errors that refuse it. */
    record Read(Optional<PlannerSettings> settings, List<ConfigError> errors) {
    }

    /**
     * @param p the section as the schema accepted it
     * @param economics the site's economics section as read (empty when absent or refused)
     * @param batteries how many enabled battery devices the site has
     */
    static Read read(String file, JsonNode p, Optional<EconomicsSettings> economics, int batteries) {
        if (p.isMissingNode()) {
            return new Read(Optional.empty(), List.of());
        }
        List<ConfigError> errors = new ArrayList<>();
        if (economics.isEmpty()) {
            errors.add(new ConfigError(file, PATH, "the planner needs the economics section (prices, hashprice and"
                    + " the miners' value): add one, or remove the planner"));
        }
        Optional<Storage> battery = battery(file, p.path("battery"), batteries, errors);
        Export export = export(file, p.path("export"), errors);
        Optional<String> forecastFile = FilePaths.optional(file, PATH + ".forecastFile", p.path("forecastFile"),
                errors);
        Duration replan = durationAt(file, p, PATH + ".replanEvery", PlannerSettings.DEFAULT_REPLAN_EVERY,
                REPLAN_MIN, REPLAN_MAX, "the plan is solved again this often", errors);
        Duration limit = durationAt(file, p, PATH + ".solveTimeLimit", PlannerSettings.DEFAULT_SOLVE_TIME_LIMIT,
                SOLVE_LIMIT_MIN, SOLVE_LIMIT_MAX, "a longer solve is abandoned for the rule-based battery", errors);
        JsonNode d = p.path("transformerDerating");
        Derating derating = new Derating(d.path("aboveC").asDouble(Derating.DEFAULT.aboveC()),
                d.path("pctPerC").asDouble(Derating.DEFAULT.pctPerC()));
        if (!errors.isEmpty()) {
            return new Read(Optional.empty(), errors);
        }
        return new Read(Optional.of(new PlannerSettings(battery, export, p.path("pvRatedKw").asDouble(0), forecastFile,
                p.path("firmLoadKw").asDouble(0), replan, limit,
                p.path("forecastErrorKw").asDouble(PlannerSettings.DEFAULT_FORECAST_ERROR_KW), derating)), errors);
    }

    private static Optional<Storage> battery(String file, JsonNode b, int batteries, List<ConfigError> errors) {
        if (b.isMissingNode()) {
            return Optional.empty();
        }
        if (batteries != 1) {
            errors.add(new ConfigError(file, PATH + ".battery", "the plan's battery needs exactly one enabled device"
                    + " with role battery, the site has " + batteries));
        }
        Storage s = new Storage(b.get("capacityKwh").asDouble(),
                b.path("minSocPct").asDouble(Storage.DEFAULT_MIN_SOC_PCT),
                b.path("maxSocPct").asDouble(Storage.DEFAULT_MAX_SOC_PCT), b.get("maxChargeKw").asDouble(),
                b.get("maxDischargeKw").asDouble(), b.path("roundTripEfficiency").asDouble(Storage.DEFAULT_ROUND_TRIP),
                b.path("wearUsdPerMwh").asDouble(Storage.DEFAULT_WEAR_USD_PER_MWH));
        if (s.minSocPct() >= s.maxSocPct()) {
            errors.add(new ConfigError(file, PATH + ".battery.maxSocPct", "the window " + s.minSocPct() + " to "
                    + s.maxSocPct() + " % is empty: maxSocPct must be above minSocPct"));
        } else if (s.maxSocPct() <= Storage.GUARD_RESERVE_PCT) {
            errors.add(new ConfigError(file, PATH + ".battery.maxSocPct", "the window ends at " + s.maxSocPct()
                    + " %, at or below the power guard's reserve of " + Storage.GUARD_RESERVE_PCT + " %: nothing"
                    + " left to plan with"));
        }
        return Optional.of(s);
    }

    private static Export export(String file, JsonNode e, List<ConfigError> errors) {
        if (e.isMissingNode()) {
            return Export.NONE;
        }
        ExportPrice price = ExportPrice.valueOf(e.path("price").asText("zero").toUpperCase(Locale.ROOT));
        if (price == ExportPrice.FIXED && !e.has("usdPerMwh")) {
            errors.add(new ConfigError(file, PATH + ".export.usdPerMwh", "a fixed export price needs usdPerMwh"));
        }
        if (price != ExportPrice.FIXED && e.has("usdPerMwh")) {
            errors.add(new ConfigError(file, PATH + ".export.usdPerMwh", "usdPerMwh is the fixed export price: give"
                    + " it with price: fixed, not " + price.name().toLowerCase(Locale.ROOT)));
        }
        return new Export(e.path("limitKw").asDouble(0), price, e.path("usdPerMwh").asDouble(0));
    }

}
