package io.containeredge.cloud.remote;

import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ForecastSlot;
import java.util.List;
import java.util.Set;

/**
 * The on-site generation forecast for the planner ({@value #FORECAST_UPDATE}), read as strictly as the market's
 * prices ({@link SlotParams}); what the slots must be (15 minutes, sorted, contiguous, within the plant's rating)
 * is the controller's to check ({@link ControlService#updateForecast}), and its reason is the refusal's.
 */
final class ForecastActions {

    static final String FORECAST_UPDATE = "forecast.update";
    private static final Set<String> SLOT_FIELDS = Set.of("start", "minutes", "pvKw", "ambientC");

    private ForecastActions() {
    }

    /** {@code {slots: [{start: epoch ms or ISO-8601, minutes, pvKw, ambientC (optional)}, …]}}; result: their span. */
    static Outcome forecast(RemoteRequest r, Params p, ControlService c) throws Refusal {
        List<ForecastSlot> slots = SlotParams.slots(r, p, SLOT_FIELDS, "{start, minutes, pvKw, ambientC}",
                (s, where) -> new ForecastSlot(SlotParams.time(r, s.get("start"), where + ".start"),
                        SlotParams.minutes(r, s, where), SlotParams.number(r, s, "pvKw", where),
                        s.has("ambientC") ? SlotParams.number(r, s, "ambientC", where) : Double.NaN));
        c.updateForecast(slots, r.source());
        ForecastSlot last = slots.get(slots.size() - 1);
        return Outcome.accepted(SlotParams.span(slots.size(), slots.get(0).startMillis(),
                last.startMillis() + last.minutes() * 60_000L));
    }
}
