package io.containeredge.control.api;

import java.time.Duration;
import java.util.List;
import io.containeredge.site.api.SiteLease;
import io.containeredge.site.api.SiteReport;
import java.util.Optional;

/** The running controller as other bundles (API, console, cloud) see it. */
public interface ControlService {

    /** The last cycle's picture, or null before the first cycle. */
    ControlStatus status();

    /**
     * A local reset (the console, the API): asks to reset a latched thermal trip and e-stop. Taken at
     * the next cycle and refused there while the cause is still present (the e-stop button pressed);
     * the outcome shows in {@link #status()}.
     */
    void requestReset();

    /**
     * A remote reset (the cloud): asks to reset a latched thermal trip only, refused like a local one
     * while its cause is present. Never an e-stop: that needs the button released and a local reset.
     */
    void requestRemoteReset();

    /**
     * Lowers (or raises, up to the site's cap) the import cap until a time, e.g. for a demand-response
     * event. Checked here, the one path for the API, the console and the cloud.
     *
     * @throws IllegalArgumentException with the reason when the command is refused; nothing changes
     */
    void overrideImportCap(double capKw, Duration duration, String source);

    /**
     * Ends a curtailment override: the import cap returns to the site's cap, and miners come back at
     * the wake ramp. Only the override goes: a thermal trip, an e-stop, a fail-safe level or a
     * transformer hot-spot reduction holds exactly as before.
     *
     * @return true if an override was in force
     */
    boolean liftImportCap(String source);

    /**
     * Puts a device in maintenance for {@code duration} (1 minute to 7 days; it ends by itself), replacing
     * a window it already has. Kept across restarts.
     *
     * <p>Meaning, fail-safe: the controller writes no setpoint to a device in maintenance — the battery
     * inverter is left to its own reversion default (the power guard then counts on the miners alone),
     * the CDU gets no pump or fan raise, a PDU no socket switching. Its comm-loss alarm is raised as a
     * WARNING tagged {@code maintenance} instead of CRITICAL. But its readings stay worst-case for the
     * guards: a stale or missing coolant or meter reading from a device in maintenance still curtails
     * the miners. Safety beats convenience.
     *
     * @param device the site's device id
     * @return the window now in force
     * @throws IllegalArgumentException with the reason (unknown device, duration out of range); nothing changes
     */
    MaintenanceWindow setMaintenance(String device, Duration duration, String source);

    /**
     * Gives a device back to the controller now.
     *
     * @return false if it was not in maintenance
     */
    boolean endMaintenance(String device, String source);

    /** The devices in maintenance now, by device id. */
    List<MaintenanceWindow> maintenance();

    /**
     * New live or forecast energy prices for the economic limit; they replace the ones received before. Checked
     * here, the one path for every sender: slots of 5 or 15 minutes, all of one length, sorted and contiguous
     * (a hole or an overlap is named by its slot index), prices finite and within -1000 to 20000 USD/MWh, at
     * most 600 slots, none ending more than 48 h ahead and not all in the past.
     *
     * @throws IllegalArgumentException with the reason when refused (also when the site has no economics
     *     section); nothing changes
     */
    void updatePrices(List<PriceSlot> slots, String source);

    /**
     * A newly received hashprice for the economic limit. Checked here: above 0 and at most 10 USD/TH/day, a
     * pool fee of 0 to 0.5, published not in the future (a minute of clock skew is allowed).
     *
     * @throws IllegalArgumentException with the reason when refused (also when the site has no economics
     *     section); nothing changes
     */
    void updateHashprice(HashpriceUpdate update, String source);

    /**
     * The site's economics as the controller last acted on them: prices now and ahead, hashprice, breakeven per
     * model, profit, the economic limit and why. Computed once per cycle, not per call.
     *
     * @return empty when the site has no economics section, and before the controller's first cycle (when
     *     {@link #status()} is null too)
     */
    Optional<EconomicsStatus> economics();

    /**
     * A new on-site generation forecast for the planner; it replaces the one received before. Checked here, the one
     * path for every sender: 15-minute slots, sorted and contiguous, generation finite and within 0 and the plant's
     * rating (plus 10 %), ambient NaN or within -50..70 °C, at most 200 slots, none ending more than 48 h ahead and
     * not all in the past.
     *
     * @throws IllegalArgumentException with the reason when refused (also when the site has no planner section);
     *     nothing changes
     */
    void updateForecast(List<ForecastSlot> slots, String source);

    /**
     * The storage and mining plan as the controller follows it: the 48 hours ahead in 15-minute slots and the
     * current slot against what the controller does now.
     *
     * @return empty when the site has no planner section, and before the controller's first cycle
     */
    Optional<PlanStatus> plan();

    /**
     * The AI/HPC tenants beside the miners: each one's contract, draw, grant, caps and why, as of the last cycle.
     *
     * @return empty when the site has no {@code ai} section, and before the controller's first cycle
     */
    Optional<AiStatus> ai();

    /**
     * Schedules a demand-response event, or replaces the one with the same id (an update from its sender). Checked
     * here, the one path for every sender (OpenADR VEN, signed MQTT, console): intervals sorted and not overlapping,
     * each 1 minute to 24 hours, the event ending in the future and starting within 7 days, ramp 0 to 30 minutes,
     * targets finite (kW within 0 and the site's import cap, levels 0-3). Kept across restarts. An event never raises a
     * limit: it is a soft limit under the hard ones.
     *
     * @return the event as held now (an opt-out is named at once when it cannot be met)
     * @throws IllegalArgumentException with the reason when refused; nothing changes
     */
    GridEventStatus scheduleEvent(GridEvent event);

    /**
     * Cancels an event: an upcoming one is dropped, an active one ends now (its performance record is closed).
     *
     * @return false if there is no such upcoming or active event
     */
    boolean cancelEvent(String eventId, String source);

    /**
     * Switches the coincident-peak alert on (until a time, at most 24 hours ahead) or off. While on, a configured
     * peak window holds the container's import to the site's peak cap.
     *
     * @param untilMillis wall clock; ignored when {@code on} is false
     * @throws IllegalArgumentException when the site configures no peak windows, or the end is not within 24 hours
     */
    void setPeakAlert(boolean on, long untilMillis, String source);

    /**
     * The container's grid services: frequency guard, peak windows, events with their performance.
     *
     * @return empty before the controller's first cycle
     */
    Optional<GridStatus> grid();

    /**
     * An event's per-second compliance, oldest first: the rows of its performance CSV.
     *
     * @return empty when there is no such event; an empty list for an event not started yet
     */
    Optional<List<ComplianceSecond>> compliance(String eventId);

    /**
     * Takes a budget lease from the site coordinator, whose envelope signature the caller has checked (the key's scope
     * {@code site.lease}). Refused when the site has no {@code siteLease} section, when signed for another site or
     * container, when its leader epoch is older than one seen before (kept across restarts), when not newer than the
     * lease in force (seq within an epoch), when already expired, or when issued further ahead of this gateway's
     * clock than {@code siteLease.maxClockSkew}. A lease never raises a limit: it is a soft limit under the hard ones.
     *
     * @param source who delivered it, for the log and the status ("mqtt:site-coordinator")
     * @return the site lease as it stands after taking it
     * @throws IllegalArgumentException with the reason when refused; nothing changes
     */
    SiteLeaseStatus acceptLease(SiteLease lease, String source);

    /**
     * What this container reports to the site coordinator now (import, hard limit, other and firm load, the flexible
     * load's offers by value, its lease, the battery).
     *
     * @return empty when the site has no {@code siteLease} section, and before the controller's first cycle
     */
    Optional<SiteReport> siteReport();

    /**
     * The container's site lease: the budget in force or the fallback share, and why.
     *
     * @return empty when the site has no {@code siteLease} section
     */
    Optional<SiteLeaseStatus> siteLease();

    /** The outcomes of the latest miner commands (sleep, wake, power target), newest last. */
    List<CommandOutcome> recentCommands();

    /** Alarms raised and not yet cleared, oldest first. */
    List<Alarm> activeAlarms();

    /** Active and cleared alarms, newest first, at most {@code max}. */
    List<Alarm> alarmHistory(int max);

    /**
     * Acknowledges an alarm (recorded with who and when, kept across restarts).
     *
     * @return false if there is no such alarm or it was already acknowledged
     */
    boolean acknowledge(String alarmId, String who);

    /**
     * Each modelled miner's measured efficiency and the fleet's, with the underperformers ranked by lost revenue
     * per day, as of the last cycle; {@link FleetEfficiency#NONE} before it or on a site without miner models.
     */
    FleetEfficiency efficiency();
}
