package io.containeredge.control.economics;

import java.util.Locale;

/**
 * What running costs per MWh at one time, and where that number came from, so the status and the decision
 * records can show a fallback.
 *
 * @param fallback why no live price was used (null when none was expected, as under a fixed contract, or one was)
 */
public record EnergyPrice(double usdPerMwh, Source source, String basis, String fallback) {

    /** Where a price came from. */
    public enum Source {
        /** A live or forecast price slot covering the time. */
        LIVE,
        /** The site's time-of-use tariff (its base price when no period covers the time). */
        TARIFF,
        /** A fixed-price supply contract without resale. */
        CONTRACT,
        /**
         * The storage plan's value of energy in its current slot: what a MWh is worth to the plan there, stored energy
         * and later prices counted in ({@link EconomicInputs#decisionPrice}).
         */
        PLAN
    }

    /** For people: "112 USD/MWh (live slot 14:05)", "45 USD/MWh (tariff base; no live price received)". */
    public String describe() {
        String where = fallback == null ? basis : basis + "; " + fallback;
        return String.format(Locale.ROOT, "%.0f USD/MWh (%s)", usdPerMwh, where);
    }
}
