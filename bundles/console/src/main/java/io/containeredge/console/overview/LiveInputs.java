package io.containeredge.console.overview;

import io.containeredge.cloud.api.CloudLink;
import io.containeredge.control.api.AiStatus;
import io.containeredge.control.api.Alarm;
import io.containeredge.control.api.CommandOutcome;
import io.containeredge.control.api.GridStatus;
import io.containeredge.control.api.SiteLeaseStatus;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.modbus.image.Snapshot;
import io.containeredge.site.api.SiteConfig;
import java.util.List;

/**
 * Everything one overview is made of, gathered from the services at one instant. The services come
 * and go (a configuration change restarts the site and the controller), so each may be missing.
 *
 * @param status the controller's last cycle, null when the controller is not running
 * @param snapshot the process image, null when the gateway's device layer is not running
 * @param site the running site, null when none runs
 * @param cloud the cloud link, null when no broker is configured
 * @param ai the AI/HPC tenants as the controller last acted on them, null when the site has no ai section (or the
 *     controller does not run)
 * @param grid the grid services as the controller last acted on them, null before its first cycle (or when it does
 *     not run)
 * @param siteLease the container's site lease, null when the site has no siteLease section (or the controller does
 *     not run)
 */
public record LiveInputs(long nowMillis, ControlStatus status, Snapshot snapshot, SiteConfig site,
        List<Alarm> activeAlarms, List<CommandOutcome> commands, CloudLink.Status cloud, AiStatus ai,
        GridStatus grid, SiteLeaseStatus siteLease) {

    public LiveInputs {
        activeAlarms = List.copyOf(activeAlarms);
        commands = List.copyOf(commands);
    }

    /** The inputs of a site without a site lease. */
    public LiveInputs(long nowMillis, ControlStatus status, Snapshot snapshot, SiteConfig site,
            List<Alarm> activeAlarms, List<CommandOutcome> commands, CloudLink.Status cloud, AiStatus ai,
            GridStatus grid) {
        this(nowMillis, status, snapshot, site, activeAlarms, commands, cloud, ai, grid, null);
    }
}
