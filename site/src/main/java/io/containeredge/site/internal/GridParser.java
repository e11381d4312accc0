package io.containeredge.site.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.device.DeviceConfig;
import io.containeredge.site.api.EventSettings;
import io.containeredge.site.api.FrequencyGuardSettings;
import io.containeredge.site.api.GridSettings;
import io.containeredge.site.api.Limits;
import io.containeredge.site.api.OpenAdrSettings;
import io.containeredge.site.api.PeakSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the optional {@code grid} section once the schema has accepted it: each part by its own reader, all errors
 * at once. Nothing in it switches protection off: the frequency guard has no "off while shed" key, an event or a peak
 * cap is a soft limit under the hard ones.
 */
final class GridParser {

    private GridParser() {
    }

    /** The section read, or the errors that refuse it. */
    record Read(GridSettings settings, List<ConfigError> errors) {
    }

    /**
     * @param devices the site's devices, or null when the schema refused them
     * @param limits the site's limits, or null when the schema refused them
     */
    static Read read(String file, JsonNode g, List<DeviceConfig> devices, Limits limits) {
        if (g.isMissingNode()) {
            return new Read(GridSettings.NONE, List.of());
        }
        List<ConfigError> errors = new ArrayList<>();
        Optional<FrequencyGuardSettings> frequency = FrequencyParser.read(file, g.path("frequency"), devices, limits,
                errors);
        Optional<OpenAdrSettings> openAdr = OpenAdrParser.read(file, g.path("openAdr"), errors);
        EventSettings events = EventParser.read(file, g.path("events"), errors);
        Optional<PeakSettings> peaks = PeakParser.read(file, g.path("peaks"), limits, errors);
        return new Read(new GridSettings(frequency, openAdr, events, peaks), errors);
    }
}
