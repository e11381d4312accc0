package io.containeredge.gateway.api;

import java.util.List;

/**
 * Who changed what, when and from where: configuration changes, commands, acknowledgements and resets
 * from every origin (file, console, cloud). Kept on disk across restarts and {@code kill -9}, and
 * published to the cloud.
 */
public interface AuditTrail {

    /**
     * Records an action durably (on disk before this returns) and gives it the next sequence number.
     *
     * @return the stored record with its sequence number
     */
    AuditRecord record(String actor, String origin, String action, String target, String outcome, String detail);

    /** Records with a sequence number above {@code sequence}, oldest first, at most {@code max}. */
    List<AuditRecord> after(long sequence, int max);

    /** The newest records, newest first, at most {@code max}. */
    List<AuditRecord> recent(int max);
}
