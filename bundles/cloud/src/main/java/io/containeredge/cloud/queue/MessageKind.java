package io.containeredge.cloud.queue;

/**
 * What an outbound message is, which decides what may be given up when the disk is full.
 * Only {@link #TELEMETRY} is routine: the operations centre can live with fewer samples, but an
 * alarm, an audit record or a birth certificate lost would hide why the container acted.
 */
public enum MessageKind {
    /** Routine samples; the only kind the queue thins when it reaches its capacity. */
    TELEMETRY,
    /** Alarms and guard decisions; never thinned. */
    ALARM,
    /** Audit trail (who changed what); never thinned. */
    AUDIT,
    /**
     * Sparkplug birth and death certificates (NBIRTH, DBIRTH, NDEATH, DDEATH); never thinned: the cloud
     * needs the births to decode later data and the deaths to know a device's values are no longer current.
     */
    BIRTH;

    /** True for the kinds the queue may delete to stay within its capacity. */
    public boolean thinnable() {
        return this == TELEMETRY;
    }
}
