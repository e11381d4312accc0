package io.containeredge.modbus.profile;

/** An inclusive range of addresses in one table, e.g. a block a device refuses to read. */
public record AddressRange(Table table, int from, int to) {

    public boolean overlaps(Table otherTable, int start, int endInclusive) {
        return table == otherTable && start <= to && endInclusive >= from;
    }
}
