package io.containeredge.site.internal;

import static io.containeredge.site.internal.SettingRanges.durationAt;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.EconomicsSettings.Contract;
import io.containeredge.site.api.EconomicsSettings.Efficiency;
import io.containeredge.site.api.EconomicsSettings.Hashprice;
import io.containeredge.site.api.EconomicsSettings.Tariff;
import io.containeredge.site.api.EconomicsSettings.TouPeriod;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the optional {@code economics} section once the schema has accepted it, and checks what the schema
 * cannot: the time zone, the periods' times and overlaps, the durations' ranges. Absent, the site has no
 * economics and its miners run as before.
 */
final class EconomicsParser {

    static final Duration HOLD_TIME_MAX = Duration.ofHours(2);
    static final Duration MIN_DWELL_MAX = Duration.ofHours(2);
    static final Duration VALIDITY_MIN = Duration.ofMinutes(10);
    static final Duration VALIDITY_MAX = Duration.ofDays(7);
    static final Duration UNDERPERFORMER_TIME_MIN = Duration.ofSeconds(10);
    static final Duration UNDERPERFORMER_TIME_MAX = Duration.ofDays(7);
    private static final String PATH = "$.economics";

    private EconomicsParser() {
    }

    /** The section read, or the errors that refuse it. */
    record Read(Optional<EconomicsSettings> settings, List<ConfigError> errors) {
    }

    /** @param e the section as the schema accepted it (a refused section is not read: pass nothing) */
    static Read read(String file, JsonNode e) {
        if (e.isMissingNode()) {
            return new Read(Optional.empty(), List.of());
        }
        List<ConfigError> errors = new ArrayList<>();
        Tariff tariff = tariff(file, e.get("tariff"), errors);
        JsonNode h = e.get("hashprice");
        Hashprice hashprice = new Hashprice(h.get("usdPerThDay").asDouble(), h.path("poolFee").asDouble(0),
                durationAt(file, h, PATH + ".hashprice.validity", EconomicsSettings.DEFAULT_HASHPRICE_VALIDITY,
                        VALIDITY_MIN, VALIDITY_MAX, "a received hashprice older than this raises an alarm", errors));
        Duration hold = durationAt(file, e, PATH + ".holdTime", EconomicsSettings.DEFAULT_HOLD_TIME, Duration.ZERO,
                HOLD_TIME_MAX, "a price change must hold this long before the miners follow it", errors);
        Duration dwell = durationAt(file, e, PATH + ".minDwell", EconomicsSettings.DEFAULT_MIN_DWELL, Duration.ZERO,
                MIN_DWELL_MAX, "least time between two economic changes of one miner", errors);
        int changes = e.path("maxStateChangesPerHour").asInt(EconomicsSettings.DEFAULT_MAX_STATE_CHANGES_PER_HOUR);
        Efficiency efficiency = efficiency(file, e.path("efficiency"), errors);
        Optional<String> priceFile = FilePaths.optional(file, PATH + ".priceFile", e.path("priceFile"), errors);
        if (!errors.isEmpty()) {
            return new Read(Optional.empty(), errors);
        }
        return new Read(Optional.of(new EconomicsSettings(tariff, hashprice, hold, dwell, changes, efficiency,
                priceFile)), errors);
    }

    /** The schema bounds the numbers; the time's range is checked here. */
    private static Efficiency efficiency(String file, JsonNode f, List<ConfigError> errors) {
        Efficiency d = Efficiency.DEFAULTS;
        if (f.isMissingNode()) {
            return d;
        }
        Duration time = durationAt(file, f, PATH + ".efficiency.underperformerTime", d.underperformerTime(),
                UNDERPERFORMER_TIME_MIN, UNDERPERFORMER_TIME_MAX,
                "a miner below its curve this long raises a warning", errors);
        return new Efficiency(f.path("minSamples").asInt(d.minSamples()),
                f.path("underperformerMarginPct").asDouble(d.underperformerMargin() * 100) / 100, time,
                f.path("outlierMarginPct").asDouble(d.outlierMargin() * 100) / 100);
    }

    private static Tariff tariff(String file, JsonNode t, List<ConfigError> errors) {
        ZoneId zone = ZoneId.systemDefault();
        if (t.has("timeZone")) {
            try {
                zone = ZoneId.of(t.get("timeZone").asText());
            } catch (DateTimeException ex) {
                errors.add(new ConfigError(file, PATH + ".tariff.timeZone", "unknown time zone '"
                        + t.get("timeZone").asText() + "' (use a region id such as America/Chicago)"));
            }
        }
        List<TouPeriod> periods = new ArrayList<>();
        JsonNode list = t.path("periods");
        for (int i = 0; i < list.size(); i++) {
            periods.add(period(file, list.get(i), PATH + ".tariff.periods[" + i + "]", errors));
        }
        checkOverlaps(file, periods, errors);
        JsonNode c = t.path("contract");
        Optional<Contract> contract = c.isMissingNode() ? Optional.empty()
                : Optional.of(new Contract(c.get("usdPerMwh").asDouble(), c.path("resale").asBoolean(false)));
        return new Tariff(zone, t.get("baseUsdPerMwh").asDouble(), periods,
                t.path("demandChargeUsdPerKwMonth").asDouble(0), contract);
    }

    private static TouPeriod period(String file, JsonNode p, String path, List<ConfigError> errors) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (p.has("days")) {
            p.get("days").forEach(d -> days.add(day(d.asText())));
        } else {
            days.addAll(EnumSet.allOf(DayOfWeek.class));
        }
        int from = minuteOfDay(p.get("from").asText());
        int to = minuteOfDay(p.get("to").asText());
        if (to <= from) {
            errors.add(new ConfigError(file, path + ".to", p.get("to").asText() + " is not after "
                    + p.get("from").asText() + ": a period over midnight is written as two periods"));
        }
        return new TouPeriod(p.get("name").asText(), days, from, to, p.get("usdPerMwh").asDouble());
    }

    /** Two periods covering the same minute would make the price depend on their order. */
    private static void checkOverlaps(String file, List<TouPeriod> periods, List<ConfigError> errors) {
        for (int i = 0; i < periods.size(); i++) {
            for (int j = 0; j < i; j++) {
                TouPeriod a = periods.get(j);
                TouPeriod b = periods.get(i);
                boolean sameDay = b.days().stream().anyMatch(a.days()::contains);
                if (sameDay && b.fromMinute() < a.toMinute() && a.fromMinute() < b.toMinute()) {
                    errors.add(new ConfigError(file, PATH + ".tariff.periods[" + i + "]", "period '" + b.name()
                            + "' overlaps period '" + a.name() + "' on the same day"));
                }
            }
        }
    }

    /** The schema admits {@code HH:mm} from 00:00 to 24:00. */
    private static int minuteOfDay(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    /** The schema admits the three-letter English names. */
    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).toLowerCase(Locale.ROOT).equals(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a day: " + abbreviation);
    }
}
