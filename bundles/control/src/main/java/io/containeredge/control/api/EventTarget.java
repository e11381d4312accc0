package io.containeredge.control.api;

/**
 * What a demand-response event asks of the container in one interval.
 *
 * @param kind how {@code value} is meant
 * @param value kW for the limits and the reduction, the level (0-3) for {@link Kind#LEVEL}, USD/MWh for a price
 */
public record EventTarget(Kind kind, double value) {

    /** The kinds of target the events carry (OpenADR 3 payload types map onto them). */
    public enum Kind {
        /** The container's import stays at or below {@code value} kW (OpenADR {@code IMPORT_CAPACITY_LIMIT}). */
        IMPORT_LIMIT_KW,
        /** The container's import stays {@code value} kW below its baseline. */
        REDUCTION_KW,
        /** The container's export stays at or below {@code value} kW (OpenADR {@code EXPORT_CAPACITY_LIMIT}). */
        EXPORT_LIMIT_KW,
        /** A shed level 0-3 (OpenADR {@code SIMPLE}/{@code LOAD_SHED}): the site's configured reduction per level. */
        LEVEL,
        /** An energy price in USD/MWh for the interval (OpenADR {@code PRICE}): economics, not a limit. */
        PRICE_USD_PER_MWH
    }
}
