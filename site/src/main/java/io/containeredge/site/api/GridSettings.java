package io.containeredge.site.api;

import java.util.Optional;

/**
 * The site's optional {@code grid} section: how the container answers the grid. Without it the container still takes
 * demand-response events over signed MQTT, with the default {@link EventSettings}.
 *
 * @param frequency the under-frequency guard (a hard limit); empty: none
 * @param openAdr the OpenADR 3 VEN that polls a VTN for events; empty: none
 * @param events how events are measured (baseline) and what their levels mean
 * @param peaks coincident-peak windows and their cap; empty: none
 */
public record GridSettings(Optional<FrequencyGuardSettings> frequency, Optional<OpenAdrSettings> openAdr,
        EventSettings events, Optional<PeakSettings> peaks) {

    /** What a site without a {@code grid} section runs with. */
    public static final GridSettings NONE = new GridSettings(Optional.empty(), Optional.empty(), EventSettings.DEFAULTS,
            Optional.empty());

    public GridSettings {
        frequency = frequency == null ? Optional.empty() : frequency;
        openAdr = openAdr == null ? Optional.empty() : openAdr;
        events = events == null ? EventSettings.DEFAULTS : events;
        peaks = peaks == null ? Optional.empty() : peaks;
    }
}
