package io.containeredge.control.api;

import io.containeredge.control.power.BatteryLimits;
import io.containeredge.control.power.PowerConfig;
import io.containeredge.site.api.Limits;

/**
 * The site's import limits as the power guard works with them.
 *
 * @param importCapKw the site's import cap (grid connection or contract)
 * @param ratingKw the transformer's rating in kW at the power factor the guard assumes
 */
public record ImportLimits(double importCapKw, double ratingKw) {

    public static ImportLimits of(Limits limits) {
        PowerConfig p = PowerConfig.defaults(limits, BatteryLimits.none());
        return new ImportLimits(p.importCapKw(), p.ratingKw());
    }
}
