package io.containeredge.control.testing;

import io.containeredge.gateway.api.AuditRecord;
import io.containeredge.gateway.api.AuditTrail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An audit trail in memory, for the tests of the bundles that audit commands (console, cloud). It lives in
 * control's test-jar because those bundles' tests already share it; the trail itself is the gateway's API.
 */
public final class MemoryAuditTrail implements AuditTrail {

    /** Every record, oldest first; a test may clear it to look only at what comes next. */
    public final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized AuditRecord record(String actor, String origin, String action, String target, String outcome,
            String detail) {
        AuditRecord r = new AuditRecord(records.size() + 1, 0, actor, origin, action, target, outcome, detail);
        records.add(r);
        return r;
    }

    /** The newest record. */
    public synchronized AuditRecord last() {
        return records.get(records.size() - 1);
    }

    @Override
    public synchronized List<AuditRecord> after(long sequence, int max) {
        return records.stream().filter(r -> r.sequence() > sequence).limit(max).toList();
    }

    @Override
    public synchronized List<AuditRecord> recent(int max) {
        List<AuditRecord> newestFirst = new ArrayList<>(records);
        Collections.reverse(newestFirst);
        return newestFirst.stream().limit(max).toList();
    }
}
