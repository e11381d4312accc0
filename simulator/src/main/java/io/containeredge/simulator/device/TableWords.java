package io.containeredge.simulator.device;

import io.containeredge.modbus.profile.PointDef;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One Modbus table of a device image: words (or bits as 0/1) by address, which addresses can be
 * read and written, and which point owns each address. Grows to the highest address used, so a
 * SunSpec block at 40000 costs ~160 KB, not a full 64 K table per device. Not thread-safe: the
 * owning {@link DeviceImage} synchronises.
 */
final class TableWords {

    private int[] words = new int[0];
    private final BitSet readable = new BitSet();
    private final BitSet writable = new BitSet();
    private final Map<Integer, PointDef> owner = new HashMap<>();

    void cover(PointDef p, int from, int to) {
        readable.set(from, to + 1);
        if (p.writable()) {
            writable.set(from, to + 1);
        }
        for (int a = from; a <= to; a++) {
            owner.put(a, p);
        }
        grow(to);
    }

    void readableRange(int from, int to) {
        readable.set(from, to + 1);
        grow(to);
    }

    void fixed(int address, int value) {
        readable.set(address);
        grow(address);
        words[address] = value & 0xFFFF;
    }

    private void grow(int address) {
        if (address >= words.length) {
            words = Arrays.copyOf(words, address + 1);
        }
    }

    boolean readable(int start, int count) {
        return start >= 0 && readable.nextClearBit(start) >= start + count;
    }

    boolean writable(int start, int count) {
        return start >= 0 && writable.nextClearBit(start) >= start + count;
    }

    int[] get(int start, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int a = start + i;
            out[i] = a < words.length ? words[a] : 0;
        }
        return out;
    }

    void put(int start, int[] values) {
        grow(start + values.length - 1);
        for (int i = 0; i < values.length; i++) {
            words[start + i] = values[i] & 0xFFFF;
        }
    }

    /** Points that own at least one address of the range, in address order. */
    Set<PointDef> pointsIn(int start, int count) {
        Set<PointDef> out = new LinkedHashSet<>();
        for (int a = start; a < start + count; a++) {
            PointDef p = owner.get(a);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
