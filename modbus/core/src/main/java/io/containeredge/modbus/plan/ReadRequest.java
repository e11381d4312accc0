package io.containeredge.modbus.plan;

import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.Table;
import java.util.List;

/** One Modbus read covering several points: {@code count} registers (or bits) from {@code start}. */
public record ReadRequest(Table table, int start, int count, List<PointDef> points) {

    public ReadRequest {
        points = List.copyOf(points);
    }

    /** The slice of a response that belongs to one point. */
    public int[] slice(int[] response, PointDef p) {
        int from = p.address() - start;
        int[] words = new int[p.count()];
        System.arraycopy(response, from, words, 0, words.length);
        return words;
    }
}
