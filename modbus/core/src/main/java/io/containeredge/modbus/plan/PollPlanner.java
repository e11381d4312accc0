package io.containeredge.modbus.plan;

import io.containeredge.modbus.profile.AddressRange;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups points into the fewest read requests. Walking the points in address order and extending the
 * current request while the next point fits is optimal for intervals on a line: a request is only
 * closed when the gap, the protocol's size limit or an unreadable range forces it.
 */
public final class PollPlanner {

    private PollPlanner() {
    }

    /**
     * @param maxGap unused registers (or bits) a request may read to join two points
     */
    public static List<ReadRequest> plan(List<PointDef> points, List<AddressRange> unreadable, int maxGap) {
        List<PointDef> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(PointDef::table).thenComparingInt(PointDef::address)
                .thenComparingInt(PointDef::lastAddress));
        List<ReadRequest> requests = new ArrayList<>();
        List<PointDef> current = new ArrayList<>();
        Table table = null;
        int start = 0;
        int end = 0;
        for (PointDef p : sorted) {
            boolean joins = table == p.table()
                    && p.address() - end - 1 <= maxGap
                    && Math.max(end, p.lastAddress()) - start + 1 <= p.table().maxReadCount()
                    && !spansUnreadable(unreadable, table, end + 1, p.address() - 1);
            if (!joins) {
                if (table != null) {
                    requests.add(new ReadRequest(table, start, end - start + 1, current));
                }
                current = new ArrayList<>();
                table = p.table();
                start = p.address();
                end = p.lastAddress();
            }
            current.add(p);
            end = Math.max(end, p.lastAddress());
        }
        if (table != null) {
            requests.add(new ReadRequest(table, start, end - start + 1, current));
        }
        return requests;
    }

    private static boolean spansUnreadable(List<AddressRange> unreadable, Table table, int from, int to) {
        return from <= to && unreadable.stream().anyMatch(r -> r.overlaps(table, from, to));
    }
}
