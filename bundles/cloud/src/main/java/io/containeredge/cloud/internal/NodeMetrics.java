package io.containeredge.cloud.internal;

import io.containeredge.cloud.queue.OutboundQueue;
import io.containeredge.control.api.ControlService;
import io.containeredge.control.api.ControlStatus;
import io.containeredge.gateway.api.SiteConfigurations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edge node's own metrics, for its NBIRTH and NDATA: {@code Control/Binding}, {@code Control/Max Miner kW},
 * {@code Alarms/Active}, {@code Queue/Backlog}, {@code Queue/Thinned}, {@code Config/Version},
 * {@link EfficiencyMetrics}, {@link EconomicsMetrics}, {@link PlanMetrics}, {@link GridMetrics}. The same names
 * whether the controller runs or not (a changed set would force a rebirth).
 */
final class NodeMetrics {

    private NodeMetrics() {
    }

    /** The metrics now; {@code control} null while the controller does not run. */
    static Map<String, Object> of(ControlService control, OutboundQueue queue, SiteConfigurations configurations) {
        ControlStatus st = control == null ? null : control.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Control/Binding", st == null || st.binding() == null ? "" : st.binding());
        m.put("Control/Max Miner kW", st == null ? Double.NaN : st.maxMinerKw());
        m.put("Alarms/Active", control == null ? 0L : (long) control.activeAlarms().size());
        m.put("Queue/Backlog", queue.size());
        m.put("Queue/Thinned", queue.thinnedCount());
        m.put("Config/Version", (long) configurations.current().version());
        m.putAll(EfficiencyMetrics.of(control));
        EconomicsMetrics.put(m, control);
        PlanMetrics.put(m, control);
        GridMetrics.put(m, control);
        return m;
    }
}
