package io.containeredge.console.auth;

import io.containeredge.gateway.api.AuditRecord;
import io.containeredge.gateway.api.AuditTrail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An audit trail in memory. */
final class RecordingAuditTrail implements AuditTrail {

    final List<AuditRecord> records = new ArrayList<>();

    @Override
    public AuditRecord record(String actor, String origin, String action, String target, String outcome, String detail) {
        AuditRecord r = new AuditRecord(records.size() + 1, 0, actor, origin, action, target, outcome, detail);
        records.add(r);
        return r;
    }

    @Override
    public List<AuditRecord> after(long sequence, int max) {
        return records.stream().filter(r -> r.sequence() > sequence).limit(max).toList();
    }

    @Override
    public List<AuditRecord> recent(int max) {
        List<AuditRecord> newestFirst = new ArrayList<>(records);
        Collections.reverse(newestFirst);
        return newestFirst.stream().limit(max).toList();
    }
}
